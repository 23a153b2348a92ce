import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// What the lunch meetings contribute to mails: the agenda so far, and what is new for a person.
enum LunchDigestSource {
    private struct AgendaRow: Decodable { let text: String; let createdAt: Date; let votes: Int; let answeredAt: Date? }

    /// "- Thema (3 Stimmen)", in the agenda's order.
    static func agenda(of meetingID: UUID, on db: any SQLDatabase) async throws -> [String] {
        let rows = try await db.raw(
            """
            SELECT i.text, i.created_at, i.answered_at, (SELECT COUNT(*) FROM lunch_votes v WHERE v.item_id = i.id) AS votes
            FROM lunch_items i WHERE i.meeting_id = \(bind: meetingID)
            """
        ).all(decoding: AgendaRow.self, with: .snakeCaseColumns)
        return LunchVoting.agendaOrder(rows, votes: \.votes, postedAt: \.createdAt).map {
            "- \($0.text) (\(counted($0.votes, "Stimme", "Stimmen"))\($0.answeredAt == nil ? "" : ", beantwortet"))"
        }
    }

    struct NewItem: Decodable, Sendable {
        let meetingId: UUID; let seriesTitle: String; let startsAt: Date; let text: String; let authorName: String; let erasedAt: Date?
    }
    struct NewNotes: Decodable, Sendable { let meetingId: UUID; let seriesTitle: String; let startsAt: Date; let notes: String }

    /// Questions posted by others in the window, in the series the person registered for or hosts.
    static func newItems(for userID: UUID, after start: Date, upTo end: Date, on db: any SQLDatabase) async throws -> [NewItem] {
        try await db.raw(
            """
            SELECT i.meeting_id, s.title AS series_title, m.starts_at, i.text, u.name AS author_name, u.erased_at
            FROM lunch_items i JOIN lunch_meetings m ON m.id = i.meeting_id JOIN lunch_series s ON s.id = m.series_id JOIN users u ON u.id = i.author_id
            WHERE (s.id IN (SELECT series_id FROM lunch_registrations WHERE user_id = \(bind: userID)) OR s.host_id = \(bind: userID))
              AND i.author_id <> \(bind: userID) AND i.created_at > \(bind: start) AND i.created_at <= \(bind: end)
            ORDER BY m.starts_at, i.created_at
            """
        ).all(decoding: NewItem.self, with: .snakeCaseColumns)
    }

    /// Notes published in the window, by hosts other than the person.
    static func newNotes(for userID: UUID, after start: Date, upTo end: Date, on db: any SQLDatabase) async throws -> [NewNotes] {
        try await db.raw(
            """
            SELECT m.id AS meeting_id, s.title AS series_title, m.starts_at, m.notes
            FROM lunch_meetings m JOIN lunch_series s ON s.id = m.series_id
            WHERE s.id IN (SELECT series_id FROM lunch_registrations WHERE user_id = \(bind: userID)) AND s.host_id <> \(bind: userID)
              AND m.notes_published_at > \(bind: start) AND m.notes_published_at <= \(bind: end)
            ORDER BY m.starts_at
            """
        ).all(decoding: NewNotes.self, with: .snakeCaseColumns)
    }

    /// The series' registered people, for the mail per item or per notes.
    static func registrants(of seriesID: UUID, on db: any SQLDatabase) async throws -> [PostMails.Recipient] {
        try await db.raw(
            """
            SELECT u.id, u.name, u.email FROM lunch_registrations r JOIN users u ON u.id = r.user_id
            WHERE r.series_id = \(bind: seriesID) AND u.erased_at IS NULL AND u.locked_at IS NULL ORDER BY u.name
            """
        ).all(decoding: PostMails.Recipient.self, with: .snakeCaseColumns)
    }
}
