import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// What one person's digest holds, scope by scope, as chosen: everything or announcements only.
struct DigestContent: Sendable {
    struct BoardPost: Decodable, Sendable {
        let id: UUID; let editionId: UUID; let kind: BoardPostKind; let title: String; let threadTitle: String?; let body: String
        let authorName: String; let erasedAt: Date?; let createdAt: Date
    }

    struct Board: Sendable {
        let editionID: UUID
        let editionTitle: String
        let posts: [BoardPost]
    }

    var boards: [Board] = []
    var lunchItems: [LunchDigestSource.NewItem] = []
    var lunchNotes: [LunchDigestSource.NewNotes] = []

    var isEmpty: Bool { boards.allSatisfy(\.posts.isEmpty) && lunchItems.isEmpty && lunchNotes.isEmpty }

    private struct ChoiceRow: Decodable { let scope: String; let mode: NotificationMode; let chosenAt: Date }
    private struct VisitRow: Decodable { let scope: String; let visitedAt: Date }

    /// The window is (`start`, `end`]; per scope it begins later still if the person visited it or
    /// changed their choice since, because what they saw or were mailed is not repeated.
    static func gather(for person: Digest.Person, after start: Date, upTo end: Date, on db: any SQLDatabase) async throws -> DigestContent {
        let choices = Dictionary(
            try await db.raw("SELECT scope, mode, chosen_at FROM notification_choices WHERE user_id = \(bind: person.id)")
                .all(decoding: ChoiceRow.self, with: .snakeCaseColumns).map { ($0.scope, $0) }
        ) { first, _ in first }
        let visits = Dictionary(
            try await db.raw("SELECT scope, visited_at FROM exchange_visits WHERE user_id = \(bind: person.id)")
                .all(decoding: VisitRow.self, with: .snakeCaseColumns).map { ($0.scope, $0.visitedAt) }
        ) { first, _ in first }
        func window(_ scope: NotificationScope) -> (mode: NotificationMode, from: Date)? {
            let choice = choices[scope.key]
            let mode = choice?.mode ?? .standard
            guard mode.isDaily else { return nil }
            return (mode, [start, visits[scope.key], choice?.chosenAt].compactMap { $0 }.max() ?? start)
        }

        var content = DigestContent()
        let user = CurrentUser(id: person.id, name: person.name, email: person.email, role: person.role)
        for board in try await ExchangeOverview.editions(for: user, on: db) {
            guard let (mode, from) = window(.board(editionID: board.editionId)), from < end else { continue }
            let kinds: SQLQueryString = mode == .daily ? "1 = 1" : "b.kind = \(bind: BoardPostKind.announcement.rawValue)"
            let posts = try await db.raw(
                """
                SELECT b.id, b.edition_id, b.kind, b.title, t.title AS thread_title, b.body, u.name AS author_name, u.erased_at, b.created_at
                FROM board_posts b JOIN users u ON u.id = b.author_id LEFT JOIN board_posts t ON t.id = b.parent_id
                WHERE b.edition_id = \(bind: board.editionId) AND b.author_id <> \(bind: person.id)
                  AND b.deleted_at IS NULL AND b.hidden_at IS NULL AND \(kinds)
                  AND b.created_at > \(bind: from) AND b.created_at <= \(bind: end)
                ORDER BY b.created_at
                """
            ).all(decoding: BoardPost.self, with: .snakeCaseColumns)
            if !posts.isEmpty { content.boards.append(Board(editionID: board.editionId, editionTitle: board.title, posts: posts)) }
        }
        if let (mode, from) = window(.lunch), from < end {
            if mode == .daily { content.lunchItems = try await LunchDigestSource.newItems(for: person.id, after: from, upTo: end, on: db) }
            content.lunchNotes = try await LunchDigestSource.newNotes(for: person.id, after: from, upTo: end, on: db)
        }
        return content
    }

    /// The mail: short excerpts with links, so that the page stays the place to read and answer.
    func text(for person: Digest.Person, baseURL: (String) -> String) -> String {
        var sections: [String] = []
        for board in boards {
            let lines = board.posts.map { post -> String in
                let author = post.erasedAt == nil ? post.authorName : "gelöschtes Konto"
                let heading = post.kind == .answer ? "Antwort auf „\(post.threadTitle ?? "")“" : "\(post.kind.label): \(post.title)"
                let link = baseURL(SiteURL.board(.value(board.editionID)).path) + "#beitrag-" + post.id.uuidString.lowercased()
                return "- \(heading)\n  \(author), \(BerlinTime.dateTime(post.createdAt))\n  \(Self.excerpt(PostText.plain(post.body)))\n  \(link)"
            }
            sections.append("Forum „\(board.editionTitle)“\n\n" + lines.joined(separator: "\n\n"))
        }
        if !lunchNotes.isEmpty || !lunchItems.isEmpty {
            var lines = lunchNotes.map { notes in
                "- Notizen zur Mittagsrunde „\(notes.seriesTitle)“ vom \(BerlinTime.longDate(BerlinTime.day(of: notes.startsAt)))\n  "
                    + Self.excerpt(PostText.plain(notes.notes)) + "\n  " + baseURL(SiteURL.lunchMeeting(.value(notes.meetingId)).path) + "#notizen"
            }
            lines += lunchItems.map { item in
                "- Neues Thema für „\(item.seriesTitle)“ am \(BerlinTime.longDate(BerlinTime.day(of: item.startsAt))): \(Self.excerpt(item.text))\n  "
                    + (item.erasedAt == nil ? item.authorName : "gelöschtes Konto") + "\n  "
                    + baseURL(SiteURL.lunchMeeting(.value(item.meetingId)).path) + "#themen"
            }
            sections.append("Mittagsrunden\n\n" + lines.joined(separator: "\n\n"))
        }
        return """
            Guten Tag \(person.name),

            seit Ihrer letzten Zusammenfassung oder Ihrem letzten Besuch ist Neues dazugekommen:

            \(sections.joined(separator: "\n\n"))

            Welche E-Mails Sie bekommen, stellen Sie hier ein: \(baseURL(SiteURL.notificationChoices.path))

            Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
            """
    }

    static func excerpt(_ text: String, limit: Int = 280) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= limit ? flat : String(flat.prefix(limit - 1)) + "…"
    }
}
