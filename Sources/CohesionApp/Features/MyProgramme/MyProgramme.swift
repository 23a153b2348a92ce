import Foundation
import Fluent
import SQLKit
import CohesionCore

/// "Mein Programm": the parts of a participant's editions and the units a facilitator gives.
struct MyProgramme: Codable, Sendable {
    struct OwnUnit: Codable, Sendable {
        let unitID: UUID
        let title: String
        let startsAt: Date
        let endsAt: Date
        let room: String
        let partID: UUID
        let partTitle: String
        let partNumber: Int
        let editionID: UUID
    }

    let parts: [PartSummary]
    let ownUnits: [OwnUnit]
    /// A participant's registration status per part.
    let registrationStatus: [UUID: RegistrationStatus]

    private struct StatusRow: Decodable { let part_id: UUID; let status: RegistrationStatus }

    private struct OwnUnitRow: Decodable {
        let id: UUID; let title: String; let starts_at: Date; let ends_at: Date; let room: String
        let part_id: UUID; let part_title: String; let part_number: Int; let edition_id: UUID
    }

    static func query(for user: CurrentUser, on db: any SQLDatabase) async throws -> MyProgramme {
        async let parts: [PartSummary] = user.role == .lead
            ? PartSummary.all(on: db)
            : db.raw("""
                SELECT \(unsafeRaw: PartSummary.columns) FROM parts p
                JOIN edition_members m ON m.edition_id = p.edition_id
                WHERE m.user_id = \(bind: user.id) ORDER BY p.starts_on, p.number
                """).all(decoding: PartSummary.Row.self).compactMap(\.summary)
        async let units = db.raw("""
            SELECT u.id, u.title, u.starts_at, u.ends_at, u.room, p.id AS part_id, p.title AS part_title, p.number AS part_number,
                   p.edition_id
            FROM units u JOIN unit_facilitators f ON f.unit_id = u.id JOIN parts p ON p.id = u.part_id
            WHERE f.user_id = \(bind: user.id) ORDER BY u.starts_at
            """).all(decoding: OwnUnitRow.self)
        async let statuses = db.raw("""
            SELECT part_id, status FROM registrations WHERE user_id = \(bind: user.id)
            """).all(decoding: StatusRow.self)
        return MyProgramme(parts: try await parts, ownUnits: try await units.map {
            OwnUnit(unitID: $0.id, title: $0.title, startsAt: $0.starts_at, endsAt: $0.ends_at, room: $0.room,
                    partID: $0.part_id, partTitle: $0.part_title, partNumber: $0.part_number, editionID: $0.edition_id)
        }, registrationStatus: Dictionary(try await statuses.map { ($0.part_id, $0.status) }, uniquingKeysWith: { a, _ in a }))
    }
}
