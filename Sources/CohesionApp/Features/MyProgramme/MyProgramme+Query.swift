import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Reads `MyProgramme` from the database.
extension MyProgramme {
    /// The lead sees every part, a facilitator the parts they teach in, a participant the parts
    /// of their editions.
    private static func parts(for user: CurrentUser, on db: any SQLDatabase) async throws -> [PartSummary] {
        if user.role == .lead { return try await PartSummary.all(on: db) }
        let involved: SQLQueryString =
            user.role == .facilitator
            ? "EXISTS (SELECT 1 FROM units u JOIN unit_facilitators f ON f.unit_id = u.id WHERE u.part_id = p.id AND f.user_id = \(bind: user.id))"
            : "p.edition_id IN (SELECT m.edition_id FROM edition_members m WHERE m.user_id = \(bind: user.id))"
        return try await db.raw(
            """
            SELECT \(unsafeRaw: PartSummary.columns) FROM parts p WHERE \(involved) ORDER BY p.starts_on, p.number
            """
        ).all(decoding: PartSummary.self, with: .snakeCaseColumns)
    }

    private struct StatusRow: Decodable { let partID: UUID; let status: RegistrationStatus }

    private struct OwnUnitRow: Decodable {
        let id: UUID; let title: String; let startsAt: Date; let endsAt: Date; let room: String
        let partID: UUID; let partTitle: String; let partNumber: Int; let editionID: UUID
    }

    static func query(for user: CurrentUser, on db: any SQLDatabase) async throws -> MyProgramme {
        async let parts = self.parts(for: user, on: db)
        async let units = db.raw(
            """
            SELECT u.id, u.title, u.starts_at, u.ends_at, u.room, p.id AS part_id, p.title AS part_title, p.number AS part_number,
                   p.edition_id
            FROM units u JOIN unit_facilitators f ON f.unit_id = u.id JOIN parts p ON p.id = u.part_id
            WHERE f.user_id = \(bind: user.id) ORDER BY u.starts_at
            """
        ).all(decoding: OwnUnitRow.self, with: .snakeCaseColumns)
        async let statuses = db.raw(
            """
            SELECT part_id, status FROM registrations WHERE user_id = \(bind: user.id)
            """
        ).all(decoding: StatusRow.self, with: .snakeCaseColumns)
        return MyProgramme(
            parts: try await parts,
            ownUnits: try await units.map {
                OwnUnit(
                    unitID: $0.id, title: $0.title, startsAt: $0.startsAt, endsAt: $0.endsAt, room: $0.room,
                    partID: $0.partID, partTitle: $0.partTitle, partNumber: $0.partNumber, editionID: $0.editionID)
            }, registrationStatus: Dictionary(try await statuses.map { ($0.partID, $0.status) }, uniquingKeysWith: { a, _ in a }))
    }
}
