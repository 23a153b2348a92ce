import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `InvitationOverview` from the database.
extension InvitationOverview {
    private struct SQLRow: Decodable {
        let id: UUID; let name: String; let email: String; let regionName: String?; let expiresAt: Date
        let acceptedAt: Date?; let sentCount: Int
    }

    private struct EditionRow: Decodable { let title: String }

    static func query(editionID: UUID, now: Date, on db: any SQLDatabase) async throws -> InvitationOverview? {
        guard let edition = try await db.raw("SELECT title FROM editions WHERE id = \(bind: editionID)").first(decoding: EditionRow.self) else {
            return nil
        }
        let rows = try await db.raw(
            """
            SELECT i.id, u.name, u.email, r.name AS region_name, i.expires_at, i.accepted_at, i.sent_count
            FROM invitations i JOIN users u ON u.id = i.user_id LEFT JOIN regions r ON r.key = i.region_key
            WHERE i.edition_id = \(bind: editionID) ORDER BY u.name
            """
        ).all(decoding: SQLRow.self, with: .snakeCaseColumns)
        return InvitationOverview(
            editionID: editionID, editionTitle: edition.title,
            rows: rows.map {
                let state: Invitation.State = $0.acceptedAt != nil ? .accepted : ($0.expiresAt <= now ? .expired : .invited)
                return Row(id: $0.id, name: $0.name, email: $0.email, regionName: $0.regionName, state: state, sentCount: $0.sentCount)
            })
    }
}
