import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// `/austausch`: the boards a person belongs to, with what is new since their last visit, and the
/// way to the lunch meetings.
enum ExchangeOverview {
    struct Board: Sendable {
        let editionID: UUID
        let title: String
        let programmeTitle: String
        let posts: Int
        let unseen: Int
    }

    struct Edition: Decodable, Sendable { let editionId: UUID; let title: String; let programmeTitle: String; let posts: Int }
    private struct VisitRow: Decodable { let scope: String; let visitedAt: Date }
    private struct PostRow: Decodable { let editionId: UUID; let createdAt: Date }

    /// The editions whose board this person belongs to, with their number of posts.
    static func editions(for user: CurrentUser, on db: any SQLDatabase) async throws -> [Edition] {
        let scope: SQLQueryString =
            switch user.role {
            case .lead, .admin: "1 = 1"
            case .facilitator:
                """
                e.id IN (SELECT p.edition_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id JOIN parts p ON p.id = u.part_id
                         WHERE f.user_id = \(bind: user.id))
                """
            case .participant: "e.id IN (SELECT edition_id FROM edition_members WHERE user_id = \(bind: user.id))"
            case .partner: "1 = 0"
            }
        return try await db.raw(
            """
            SELECT e.id AS edition_id, e.title, g.title AS programme_title,
                   (SELECT COUNT(*) FROM board_posts b WHERE b.edition_id = e.id AND b.deleted_at IS NULL) AS posts
            FROM editions e JOIN programmes g ON g.id = e.programme_id
            WHERE \(scope) ORDER BY g.title, e.title
            """
        ).all(decoding: Edition.self, with: .snakeCaseColumns)
    }

    /// The boards with what is new since the person's last visit of each: two more statements,
    /// however many boards.
    static func boards(for user: CurrentUser, on db: any SQLDatabase) async throws -> [Board] {
        let editions = try await editions(for: user, on: db)
        guard !editions.isEmpty else { return [] }
        let visits = Dictionary(
            try await db.raw("SELECT scope, visited_at FROM exchange_visits WHERE user_id = \(bind: user.id)")
                .all(decoding: VisitRow.self, with: .snakeCaseColumns).map { ($0.scope, $0.visitedAt) }
        ) { first, _ in first }
        func since(_ editionID: UUID) -> Date { visits[NotificationScope.board(editionID: editionID).key] ?? .distantPast }
        let earliest = editions.map { since($0.editionId) }.min() ?? .distantPast
        let candidates = try await db.raw(
            """
            SELECT edition_id, created_at FROM board_posts
            WHERE edition_id IN (\(binds: editions.map(\.editionId))) AND deleted_at IS NULL AND hidden_at IS NULL
              AND author_id <> \(bind: user.id) AND created_at > \(bind: earliest)
            """
        ).all(decoding: PostRow.self, with: .snakeCaseColumns)
        let unseen = Dictionary(grouping: candidates.filter { $0.createdAt > since($0.editionId) }, by: \.editionId).mapValues(\.count)
        return editions.map {
            Board(editionID: $0.editionId, title: $0.title, programmeTitle: $0.programmeTitle, posts: $0.posts, unseen: unseen[$0.editionId] ?? 0)
        }
    }

    static func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let boards = try await boards(for: user, on: req.sql)
        return .html(render(boards, frame: req.frame("Austausch", section: .exchange)))
    }

    static func render(_ boards: [Board], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Austausch zwischen den Teilen" }
            HTML.p(.class("lead")) {
                "Das Forum Ihres Durchlaufs und die offenen Mittagsrunden: Fragen aus der Praxis, Antworten von Kolleg*innen und Referent*innen, "
                "Ankündigungen der Programmleitung."
            }
            HTML.section(.class("card"), .ariaLabelledBy("foren")) {
                HTML.h2(.id("foren")) { "Foren" }
                if boards.isEmpty {
                    HTML.p(.class("muted")) { "Sie gehören noch zu keinem Durchlauf." }
                } else {
                    HTML.ul(.class("plain-list")) {
                        boards.map { board in
                            HTML.li {
                                HTML.a(.href(SiteURL.board(.value(board.editionID)).path)) { "Forum: " + board.title }
                                HTML.span(.class("muted")) {
                                    " · " + board.programmeTitle + " · " + counted(board.posts, "Beitrag", "Beiträge")
                                        + (board.unseen > 0 ? ", davon \(board.unseen) neu" : "")
                                }
                            }
                        }
                    }
                }
            }
            HTML.section(.class("card"), .ariaLabelledBy("mittagsrunden")) {
                HTML.h2(.id("mittagsrunden")) { "Mittagsrunden" }
                HTML.p {
                    "Kurze Online-Treffen zur Mittagszeit, offen für Teilnehmer*innen und Ehemalige aller Durchläufe. Die Tagesordnung kommt aus Ihren Fragen: "
                    "Sie schlagen Themen vor und stimmen ab."
                }
                HTML.p { HTML.a(.href(SiteURL.lunchSeries.path), .class("button")) { "Zu den Mittagsrunden" } }
            }
            HTML.p { HTML.a(.href(SiteURL.notificationChoices.path)) { "Welche E-Mails Sie bekommen: Benachrichtigungen einstellen" } }
        }
    }
}
