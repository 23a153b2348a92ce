import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// `/austausch/benachrichtigungen`: per board and for the lunch meetings, a daily digest, a mail per
/// post, or nothing.
struct NotificationsController {
    struct Scope: Sendable {
        let scope: NotificationScope
        let label: String
        let mode: NotificationMode
    }

    private struct ChoiceRow: Decodable { let scope: String; let mode: NotificationMode }

    static func scopes(for user: CurrentUser, on db: any SQLDatabase) async throws -> [Scope] {
        let chosen = Dictionary(
            try await db.raw("SELECT scope, mode FROM notification_choices WHERE user_id = \(bind: user.id)")
                .all(decoding: ChoiceRow.self, with: .snakeCaseColumns).map { ($0.scope, $0.mode) }
        ) { first, _ in first }
        var scopes = try await ExchangeOverview.editions(for: user, on: db).map { board in
            let scope = NotificationScope.board(editionID: board.editionId)
            return Scope(scope: scope, label: "Forum „\(board.title)“", mode: chosen[scope.key] ?? .standard)
        }
        if !(try await LunchAudience.visibleSeries(for: user, on: db)).isEmpty {
            scopes.append(Scope(scope: .lunch, label: "Mittagsrunden", mode: chosen[NotificationScope.lunch.key] ?? .standard))
        }
        return scopes
    }

    func form(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return .html(
            NotificationsView.render(try await Self.scopes(for: user, on: req.sql), errors: [], frame: req.frame("Benachrichtigungen", section: .exchange)))
    }

    func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let scopes = try await Self.scopes(for: user, on: req.sql)
        let values = req.formValues()
        var invalid: [String] = []
        var changes: [(NotificationScope, NotificationMode)] = []
        for scope in scopes {
            let typed = values[scope.scope.key]
            guard !typed.isEmpty else { continue }
            guard let mode = NotificationMode(rawValue: typed) else {
                invalid.append(scope.scope.key)
                continue
            }
            if mode != scope.mode { changes.append((scope.scope, mode)) }
        }
        guard invalid.isEmpty else {
            return .html(
                NotificationsView.render(scopes, errors: invalid, frame: req.frame("Benachrichtigungen", section: .exchange)), status: .unprocessableEntity)
        }
        let now = req.now
        let chosen = changes
        try await req.db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            for (scope, mode) in chosen {
                try await sql.raw(
                    """
                    INSERT INTO notification_choices (id, user_id, scope, mode, chosen_at) VALUES (\(bind: UUID()), \(bind: user.id), \(bind: scope.key), \(bind: mode.rawValue), \(bind: now))
                    ON CONFLICT (user_id, scope) DO UPDATE SET mode = excluded.mode, chosen_at = excluded.chosen_at
                    """
                ).run()
            }
        }
        return req.redirect(to: Notice.notificationsSaved.appended(to: SiteURL.notificationChoices.path))
    }
}

extension Notice {
    static let notificationsSaved = Notice("benachrichtigungen-gespeichert", "Ihre Auswahl ist gespeichert.")
}

enum NotificationsView {
    static func render(_ scopes: [NotificationsController.Scope], errors: [String], frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.exchange.path)) { "Austausch" } }
            HTML.h1 { "Benachrichtigungen" }
            HTML.p(.class("lead")) {
                "Für jedes Forum und für die Mittagsrunden wählen Sie, ob und wie Sie per E-Mail erfahren, was neu ist. Die tägliche Zusammenfassung kommt "
                "um 7 Uhr, nur wenn es Neues gibt, und enthält nichts, was Sie schon gesehen haben oder selbst geschrieben haben."
            }
            if !errors.isEmpty {
                HTML.div(.class("error-summary"), .role("alert")) { HTML.p { "Bitte für jede Zeile eine der angebotenen Möglichkeiten wählen." } }
            }
            if scopes.isEmpty {
                HTML.p(.class("muted")) { "Sie gehören noch zu keinem Forum und keiner Mittagsrunde." }
            } else {
                HTML.form(.method("post"), .action(SiteURL.notificationChoices.path), .class("stack")) {
                    Form.csrf(frame.visitor)
                    scopes.map { scope in
                        Form.field(
                            FieldSpec(
                                name: scope.scope.key, label: scope.label,
                                kind: .radios(NotificationMode.allCases.map { .init(value: $0.rawValue, label: $0.label) }),
                                hint: scope.scope == .lunch
                                    ? "Ankündigungen sind hier die veröffentlichten Notizen; alle Beiträge schließen neue Themen ein." : nil),
                            values: FormValues([scope.scope.key: scope.mode.rawValue]),
                            error: errors.contains(scope.scope.key) ? "Bitte eine der Möglichkeiten wählen." : nil)
                    }
                    HTML.button(.type("submit"), .class("button")) { "Speichern" }
                }
            }
        }
    }
}
