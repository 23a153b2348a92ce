import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// An organisation or group in a participant's local network. Only its owner and the lead see it.
final class NetworkActor: Model, @unchecked Sendable {
    static let schema = "network_actors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: ActorKind
    /// Contact data never leaves the owner's own pages and exports.
    @Field(key: "contact") var contact: String
    @Field(key: "note") var note: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}

/// A tie from the participant's own office (`from` nil) or an actor, to an actor.
final class NetworkTie: Model, @unchecked Sendable {
    static let schema = "network_ties"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @OptionalParent(key: "from_actor_id") var from: NetworkActor?
    @Parent(key: "to_actor_id") var to: NetworkActor
    @Field(key: "kind") var kind: TieKind
    @Field(key: "intensity") var intensity: Int
    @Field(key: "status") var status: TieStatus

    init() {}
}

/// The network as it stood at a part, frozen by its owner; `data` is the `EgoNetwork` as JSON,
/// so later edits and deletions do not change what was.
final class NetworkSnapshot: Model, @unchecked Sendable {
    static let schema = "network_snapshots"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @OptionalParent(key: "part_id") var part: Part?
    @Field(key: "label") var label: String
    @Field(key: "taken_at") var takenAt: Date
    @Field(key: "data") var data: String

    init() {}

    var network: EgoNetwork? {
        try? JSONDecoder().decode(EgoNetwork.self, from: Data(data.utf8))
    }
}

/// A participant who may be suggested to and contacted by colleagues. No row: not listed.
final class PeerDirectoryEntry: Model, @unchecked Sendable {
    static let schema = "peer_directory"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "since") var since: Date

    init() {}
}

struct CreateNetworks: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(NetworkActor.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("contact", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime)
            .create()
        try await database.schema(NetworkTie.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("from_actor_id", .uuid, .references(NetworkActor.schema, "id", onDelete: .cascade))
            .field("to_actor_id", .uuid, .required, .references(NetworkActor.schema, "id", onDelete: .cascade))
            .field("kind", .string, .required)
            .field("intensity", .int, .required)
            .field("status", .string, .required)
            .create()
        try await database.schema(NetworkSnapshot.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("part_id", .uuid, .references(Part.schema, "id", onDelete: .setNull))
            .field("label", .string, .required)
            .field("taken_at", .datetime, .required)
            .field("data", .string, .required)
            .create()
        try await database.schema(PeerDirectoryEntry.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("since", .datetime, .required)
            .unique(on: "user_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_network_actors_user ON network_actors (user_id)").run()
        try await sql.raw("CREATE INDEX idx_network_ties_user ON network_ties (user_id)").run()
        try await sql.raw("CREATE INDEX idx_network_snapshots_user ON network_snapshots (user_id, taken_at)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [PeerDirectoryEntry.schema, NetworkSnapshot.schema, NetworkTie.schema, NetworkActor.schema] {
            try await database.schema(schema).delete()
        }
    }
}
