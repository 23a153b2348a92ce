import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Reading and writing one participant's network.
enum NetworkStore {
    /// The actors with what only their owner sees, and the ties with their ids, for the editor.
    struct Editable: Sendable {
        struct ActorRow: Sendable { let id: UUID; let name: String; let kind: ActorKind; let contact: String; let note: String }
        struct TieRow: Sendable {
            let id: UUID; let from: UUID?; let to: UUID; let kind: TieKind; let intensity: Int; let status: TieStatus
        }

        let actors: [ActorRow]
        let ties: [TieRow]

        var network: EgoNetwork {
            EgoNetwork(
                actors: actors.map { .init(id: $0.id, name: $0.name, kind: $0.kind) },
                ties: ties.map { .init(from: $0.from, to: $0.to, kind: $0.kind, intensity: $0.intensity, status: $0.status) })
        }

        func name(_ id: UUID?) -> String {
            guard let id else { return "Sie (eigene Stelle)" }
            return actors.first { $0.id == id }?.name ?? "?"
        }
    }

    static func load(userID: UUID, on db: any SQLDatabase) async throws -> Editable {
        struct ActorSQL: Decodable { let id: UUID; let name: String; let kind: ActorKind; let contact: String; let note: String }
        struct TieSQL: Decodable {
            let id: UUID; let fromActorID: UUID?; let toActorID: UUID; let kind: TieKind; let intensity: Int; let status: TieStatus
        }
        async let actors = db.raw(
            """
            SELECT id, name, kind, contact, note FROM network_actors WHERE user_id = \(bind: userID) ORDER BY name, id
            """
        ).all(decoding: ActorSQL.self)
        async let ties = db.raw(
            """
            SELECT id, from_actor_id, to_actor_id, kind, intensity, status FROM network_ties WHERE user_id = \(bind: userID) ORDER BY id
            """
        ).all(decoding: TieSQL.self, with: .snakeCaseColumns)
        return Editable(
            actors: try await actors.map { .init(id: $0.id, name: $0.name, kind: $0.kind, contact: $0.contact, note: $0.note) },
            ties: try await ties.map {
                .init(
                    id: $0.id, from: $0.fromActorID, to: $0.toActorID, kind: $0.kind, intensity: $0.intensity,
                    status: $0.status)
            })
    }

    static func addActor(_ values: ActorValues, userID: UUID, on db: any Database) async throws -> UUID {
        let actor = NetworkActor()
        actor.$user.id = userID
        actor.name = values.name
        actor.kind = values.kind
        actor.contact = values.contact
        actor.note = values.note
        try await actor.create(on: db)
        return try actor.requireID()
    }

    static func addTie(_ values: TieValues, userID: UUID, on db: any Database) async throws {
        let tie = NetworkTie()
        tie.$user.id = userID
        tie.$from.id = values.from
        tie.$to.id = values.to
        tie.kind = values.kind
        tie.intensity = values.intensity
        tie.status = values.status
        try await tie.create(on: db)
    }

    /// Freezes the network as it is now.
    static func snapshot(userID: UUID, partID: UUID?, label: String, now: Date, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await save(snapshot: try await load(userID: userID, on: sql).network, userID: userID, partID: partID, label: label, at: now, on: db)
    }

    static func save(snapshot network: EgoNetwork, userID: UUID, partID: UUID?, label: String, at now: Date, on db: any Database) async throws {
        let snapshot = NetworkSnapshot()
        snapshot.$user.id = userID
        snapshot.$part.id = partID
        snapshot.label = label
        snapshot.takenAt = now
        snapshot.data = String(decoding: try JSONEncoder().encode(network), as: UTF8.self)
        try await snapshot.create(on: db)
    }

    static func snapshots(userID: UUID, on db: any Database) async throws -> [NetworkSnapshot] {
        try await NetworkSnapshot.query(on: db).filter(\.$user.$id == userID).sort(\.$takenAt).all()
    }
}
