import CohesionCore
import CohesionPlatform
import Vapor

/// An edition's board between the parts: announcements by the lead, questions and answers by the
/// cohort and its facilitators; and `/austausch`, the way in to everything between the parts.
enum BoardFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.shared("board_posts")]
    static let audit = AuditAction("board", "Forum")
    static let auditAreas = [audit]
    static let notices = [Notice.postSaved, .postDeleted, .postHidden]

    /// For the cohort and the facilitators. The lead reaches the boards from each edition's page and
    /// from Verwaltung, and the header keeps to one line at desktop width.
    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        guard let user, user.role == .participant || user.role == .facilitator else { return nil }
        return NavigationEntry(label: "Austausch", path: SiteURL.exchange.path, section: .exchange)
    }

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .edition(let id): [PageLink(order: 70, label: "Forum des Durchlaufs", path: SiteURL.board(.value(id)).path)]
        case .administration where user.role.canEditStructure: [PageLink(order: 79, label: "Austausch: Foren", path: SiteURL.exchange.path)]
        default: []
        }
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let board = BoardController()
        let signedIn = AccessRule.roles([.participant, .facilitator, .lead, .admin], "alle Angemeldeten außer Partnern")
        routes.get(SiteURL.exchange, signedIn, use: ExchangeOverview.page)
        routes.get(SiteURL.board(.key), BoardAudience.rule, use: board.show)
        routes.post(SiteURL.board(.key), BoardAudience.rule, use: board.create)
        routes.post(SiteURL.boardReply(.key, .key), BoardAudience.rule, use: board.reply)
        routes.get(SiteURL.boardEdit(.key, .key), BoardAudience.ownPost, use: board.editForm)
        routes.post(SiteURL.boardEdit(.key, .key), BoardAudience.ownPost, use: board.edit)
        routes.post(SiteURL.boardDelete(.key, .key), BoardAudience.ownPost, use: board.delete)
        routes.post(SiteURL.boardHide(.key, .key), BoardAudience.leadOnPost, use: board.hide)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant || user.role == .facilitator else { return [] }
        let boards = try await ExchangeOverview.boards(for: user, on: req.sql)
        guard !boards.isEmpty else { return [] }
        return [MyProgrammeSection(position: .init(order: 35), content: BoardView.myProgrammeCard(boards))]
    }

    static let stylesheet = """
        .board { list-style: none; padding: 0; margin: 0; }
        .board > li { margin-bottom: 1.5rem; }
        .post { border: 1px solid var(--line); border-radius: 6px; padding: 1rem; background: #fff; }
        .post--ankuendigung { border-left: 6px solid var(--brand); }
        .post__title { margin: 0 0 0.25rem; font-size: 1.15rem; overflow-wrap: anywhere; }
        .post__meta { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.5rem; }
        .post__body { overflow-wrap: anywhere; }
        .post__body > :last-child { margin-bottom: 0; }
        .post__marker { font-style: italic; color: var(--muted); }
        .post__answers { list-style: none; margin: 1rem 0 0; padding: 0 0 0 1rem; border-left: 3px solid var(--line); }
        .post__answers > li { margin-bottom: 0.75rem; }
        .post__answers .post { border: 0; padding: 0.25rem 0 0.5rem; }
        .post__actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-top: 0.5rem; }
        .post__reply, .board__new { margin-top: 0.75rem; }
        .post__reply > summary, .board__new > summary, .post__hide > summary { cursor: pointer; font-weight: 700; color: var(--link); }
        .inline-form { display: inline; }
        @media print { .post__actions, .post__reply, .board__new { display: none; } .post { break-inside: avoid; } }
        """

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "board_posts", data: "Beiträge im Forum eines Durchlaufs (Titel, Text, Zeitpunkte; Grund einer Ausblendung)",
            purpose: "Austausch der Kohorte zwischen den Teilen",
            kept: "bis die Verfasser*in den Beitrag löscht oder der Durchlauf gelöscht wird; nach dem Löschen des Kontos bleibt er unter „gelöschtes Konto“",
            links: [.account("author_id", .keep(clearing: []))])
    ]
}
