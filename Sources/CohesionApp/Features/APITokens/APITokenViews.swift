import CohesionCore
import CohesionPlatform
import Foundation

/// The account page: name and role, the API tokens with their scope and expiry, a form for a new one.
enum APITokenViews {
    static let fields = [
        FieldSpec(name: "name", label: "Name des Tokens", required: true, hint: "Wofür Sie es nutzen, zum Beispiel „Auswertung in R“."),
        FieldSpec(
            name: "scope", label: "Umfang",
            kind: .select(
                APIToken.Scope.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                emptyLabel: nil), required: true,
            hint: "„lesen“ genügt zum Abrufen; zum Anmelden oder Erfassen braucht es „lesen und schreiben“."),
        FieldSpec(
            name: "days", label: "Gültig für",
            kind: .select(
                APITokenController.lifetimes.map { .init(value: "\($0)", label: "\($0) Tage") },
                emptyLabel: nil), required: true),
    ]

    static func page(
        user: CurrentUser, tokens: [APIToken], values: FormValues, errors: FieldErrors,
        created: APITokenController.Flash?, now: Date, apiURL: String, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Mein Konto" }
            HTML.dl(.class("facts")) {
                HTML.dt { "Name" }; HTML.dd { user.name }
                HTML.dt { "E-Mail-Adresse" }; HTML.dd { user.email }
                HTML.dt { "Rolle" }; HTML.dd { user.role.germanName }
            }
            frame.features.links(on: .account, for: user).map { link in HTML.p { HTML.a(.href(link.path)) { link.label } } }
            HTML.form(.method("post"), .action(SiteURL.logoutEverywhere.path), .class("stack")) {
                Form.csrf(frame.visitor)
                HTML.p { "Angemeldet bleiben Sie bis zu zwölf Stunden; wer länger nichts tut, wird früher abgemeldet." }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button button--quiet")) { "Auf allen Geräten abmelden" } }
            }
            if let created {
                HTML.div(.class("notice"), .role("status")) {
                    HTML.p { "Ihr neues Token „\(created.name)“. Es wird nur jetzt angezeigt; bitte kopieren Sie es an einen sicheren Ort:" }
                    HTML.p { HTML.code(.class("secret")) { created.token } }
                }
            }
            HTML.section(.ariaLabelledBy("api-tokens")) {
                HTML.h2(.id("api-tokens")) { "API-Tokens" }
                HTML.p {
                    "Mit einem Token rufen Programme über die JSON-Schnittstelle ab, was Sie auch im Browser sehen, und tun, was Sie dort tun dürfen. "
                    "Senden Sie es als „Authorization: Bearer …“. Beschreibung der Schnittstelle: "
                    HTML.a(.href(APIURL.openAPI.path)) { apiURL }
                    "."
                }
                tokenTable(tokens, now: now, frame: frame)
                HTML.h3 { "Neues Token" }
                Form.errorSummary(errors, fields: fields)
                HTML.form(.method("post"), .action(SiteURL.apiTokens.path), .class("stack"), .novalidate) {
                    Form.csrf(frame.visitor)
                    Form.fields(fields, values: values, errors: errors)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Token erzeugen" } }
                }
            }
        }
    }

    private static func tokenTable(_ tokens: [APIToken], now: Date, frame: PageFrame) -> HTML {
        guard !tokens.isEmpty else { return .p(.class("muted")) { "Sie haben noch kein Token." } }
        return .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead { TableHeadings.row(["Name", "Beginnt mit", "Umfang", "Gültig bis", "Zuletzt genutzt", "Stand"], textColumns: 6) }
                HTML.tbody {
                    tokens.map { token in
                        HTML.tr {
                            HTML.th(.scope("row")) { token.name }
                            HTML.td { HTML.code { token.prefix + "…" } }
                            HTML.td { token.scope.label }
                            HTML.td { BerlinTime.longDate(BerlinTime.day(of: token.expiresAt)) }
                            HTML.td { token.lastUsedAt.map { BerlinTime.longDate(BerlinTime.day(of: $0)) } ?? "nie" }
                            HTML.td { state(token, now: now, frame: frame) }
                        }
                    }
                }
            }
        }
    }

    private static func state(_ token: APIToken, now: Date, frame: PageFrame) -> HTML {
        if let revokedAt = token.revokedAt { return .text("widerrufen am " + BerlinTime.longDate(BerlinTime.day(of: revokedAt))) }
        if token.expiresAt <= now { return .text("abgelaufen") }
        return .form(.method("post"), .action(SiteURL.revokeAPIToken(.value(token.id ?? UUID())).path), .class("inline-form")) {
            Form.csrf(frame.visitor)
            HTML.button(.type("submit"), .class("button button--quiet")) {
                "Widerrufen"; HTML.span(.class("visually-hidden")) { ": " + token.name }
            }
        }
    }
}
