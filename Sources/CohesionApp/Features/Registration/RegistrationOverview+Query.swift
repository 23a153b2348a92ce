import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `RegistrationOverview` from the database.
extension RegistrationOverview {
    private struct SQLRow: Decodable {
        let id: UUID; let userID: UUID; let name: String; let status: RegistrationStatus; let sequence: Int; let overnight: Bool
        let diet: String; let dietNote: String; let accessibility: String; let photoConsent: Bool
        let lateChangeReason: String
    }

    private struct MemberRow: Decodable { let id: UUID; let name: String }
    private struct CapacityRow: Decodable { let capacity: Int }

    static func query(partID: UUID, on db: any SQLDatabase) async throws -> RegistrationOverview? {
        guard
            let part = try await db.raw("SELECT \(unsafeRaw: PartSummary.columns) FROM parts p WHERE p.id = \(bind: partID)")
                .first(decoding: PartSummary.self, with: .snakeCaseColumns),
            let capacity = try await db.raw("SELECT capacity FROM parts WHERE id = \(bind: partID)").first(decoding: CapacityRow.self)
        else { return nil }
        async let rows = db.raw(
            """
            SELECT r.id, r.user_id, u.name, r.status, r.sequence, r.overnight, r.diet, r.diet_note, r.accessibility, r.photo_consent,
                   r.late_change_reason
            FROM registrations r JOIN users u ON u.id = r.user_id WHERE r.part_id = \(bind: partID) ORDER BY r.sequence
            """
        ).all(decoding: SQLRow.self, with: .snakeCaseColumns)
        async let members = db.raw(
            """
            SELECT u.id, u.name FROM edition_members m JOIN users u ON u.id = m.user_id
            WHERE m.edition_id = \(bind: part.editionID) AND NOT EXISTS (
                SELECT 1 FROM registrations r WHERE r.user_id = u.id AND r.part_id = \(bind: partID) AND r.status <> \(bind: RegistrationStatus.cancelled))
            ORDER BY u.name
            """
        ).all(decoding: MemberRow.self)
        let all = try await rows.map {
            Row(
                registrationID: $0.id, userID: $0.userID, name: $0.name, status: $0.status, sequence: $0.sequence,
                overnight: $0.overnight, diet: $0.diet, dietNote: $0.dietNote, accessibility: $0.accessibility,
                photoConsent: $0.photoConsent, lateChangeReason: $0.lateChangeReason)
        }
        return RegistrationOverview(
            part: part, capacity: capacity.capacity,
            registered: all.filter { $0.status == RegistrationStatus.registered },
            waitlist: all.filter { $0.status == RegistrationStatus.waitlisted },
            cancelled: all.filter { $0.status == RegistrationStatus.cancelled },
            unregistered: try await members.map { Member(id: $0.id, name: $0.name) })
    }
}
