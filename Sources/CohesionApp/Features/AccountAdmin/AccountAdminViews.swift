import CohesionCore
import CohesionPlatform
import Foundation

enum AccountAdminViews {
    static let roleChoices = Role.allCases.map { FieldSpec.Choice(value: $0.rawValue, label: $0.germanName) }
    static let createFields = [
        FieldSpec(name: "name", label: "Name", required: true),
        FieldSpec(
            name: "email", label: "E-Mail-Adresse", kind: .email, required: true,
            hint: "Die Person bekommt an diese Adresse einen Link, mit dem sie ihr Passwort setzt (14 Tage gültig)."),
        FieldSpec(name: "role", label: "Rolle", kind: .select(roleChoices, emptyLabel: "Bitte wählen"), required: true),
    ]
    static let filterFields = [
        FieldSpec(name: "suche", label: "Name oder E-Mail-Adresse"),
        FieldSpec(name: "rolle", label: "Rolle", kind: .select(roleChoices, emptyLabel: "alle")),
    ]
    static let roleField = FieldSpec(name: "role", label: "Rolle", kind: .select(roleChoices, emptyLabel: nil), required: true)
    static let confirmField = FieldSpec(
        name: "confirm", label: "Bestätigung",
        kind: .checkboxes([
            .init(value: "yes", label: "Die Person hat die Löschung beantragt, oder die Löschung ist aus einem anderen Grund geboten.")
        ]), required: true)

    static func status(_ user: User) -> String {
        status(erased: user.erasedAt != nil, locked: user.lockedAt != nil, hasPassword: user.passwordHash != nil)
    }

    static func status(erased: Bool, locked: Bool, hasPassword: Bool) -> String {
        if erased { return "gelöscht" }
        if locked { return "gesperrt" }
        return hasPassword ? "aktiv" : "Passwort noch nicht gesetzt"
    }

    /// An account as the list shows it.
    struct Row: Decodable, Sendable {
        let id: UUID; let name: String; let email: String; let role: Role; let erasedAt: Date?; let lockedAt: Date?; let hasPassword: Bool
    }

    static func list(_ users: [Row], more: Bool, search: String, role: Role?, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Konten und Rollen" }
            HTML.form(.method("get"), .action(AdminURL.accounts.path), .class("filters"), .role("search")) {
                HTML.div(.class("filters__fields")) {
                    Form.fields(filterFields, values: FormValues(["suche": search, "rolle": role?.rawValue ?? ""]), errors: FieldErrors())
                }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anzeigen" } }
            }
            if users.isEmpty {
                HTML.p { "Keine Konten gefunden." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.caption {
                            more ? "Die ersten \(users.count) Konten; bitte die Suche eingrenzen." : users.count == 1 ? "Ein Konto" : "\(users.count) Konten"
                        }
                        HTML.thead { TableHeadings.row(["Name", "E-Mail-Adresse", "Rolle", "Stand"], textColumns: 4) }
                        HTML.tbody {
                            users.map { user in
                                HTML.tr {
                                    HTML.th(.scope("row")) { HTML.a(.href(AdminURL.account(.value(user.id)).path)) { user.name } }
                                    HTML.td { user.email }
                                    HTML.td { user.role.germanName }
                                    HTML.td { status(erased: user.erasedAt != nil, locked: user.lockedAt != nil, hasPassword: user.hasPassword) }
                                }
                            }
                        }
                    }
                }
            }
            HTML.section(.ariaLabelledBy("konto-anlegen")) {
                HTML.h2(.id("konto-anlegen")) { "Konto anlegen" }
                Form.errorSummary(errors, fields: createFields)
                HTML.form(.method("post"), .action(AdminURL.accounts.path), .class("stack"), .novalidate) {
                    Form.csrf(frame.visitor)
                    Form.fields(createFields, values: values, errors: errors)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Konto anlegen" } }
                }
            }
        }
    }

    static func account(_ user: User, activeSessions: Int, hasSecondFactor: Bool, errors: FieldErrors, frame: PageFrame) -> HTML {
        let id = user.id!
        return Layout.page(frame) {
            HTML.p { HTML.a(.href(AdminURL.accounts.path)) { "← Konten und Rollen" } }
            HTML.h1 { user.name }
            Form.errorSummary(errors, fields: [roleField, confirmField, FieldSpec(name: "action", label: "Sperre")])
            HTML.dl(.class("facts")) {
                HTML.dt { "E-Mail-Adresse" }; HTML.dd { user.email }
                HTML.dt { "Rolle" }; HTML.dd { user.role.germanName }
                HTML.dt { "Stand" }; HTML.dd { status(user) }
                HTML.dt { "Angemeldet auf" };
                HTML.dd { activeSessions == 0 ? "keinem Gerät" : activeSessions == 1 ? "einem Gerät" : "\(activeSessions) Geräten" }
            }
            if user.erasedAt == nil {
                HTML.section(.ariaLabelledBy("rolle-aendern")) {
                    HTML.h2(.id("rolle-aendern")) { "Rolle ändern" }
                    HTML.form(.method("post"), .action(AdminURL.accountRole(.value(id)).path), .class("stack"), .novalidate) {
                        Form.csrf(frame.visitor)
                        Form.field(roleField, values: FormValues(["role": user.role.rawValue]), error: errors["role"])
                        HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Rolle speichern" } }
                    }
                }
                if hasSecondFactor {
                    HTML.section(.ariaLabelledBy("zweiter-faktor")) {
                        HTML.h2(.id("zweiter-faktor")) { "Zweiter Faktor" }
                        HTML.p { "Das Konto ist mit einer Authenticator-App gesichert. Ist das Telefon verloren, genügt nach dem Zurücksetzen das Passwort." }
                        HTML.form(.method("post"), .action(AdminURL.resetSecondFactor(.value(id)).path)) {
                            Form.csrf(frame.visitor)
                            HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button button--quiet")) { "Zweiten Faktor zurücksetzen" } }
                        }
                    }
                }
                lockForm(user, errors: errors, frame: frame)
                erasureForm(user, errors: errors, frame: frame)
            }
        }
    }

    private static func lockForm(_ user: User, errors: FieldErrors, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("sperre")) {
            HTML.h2(.id("sperre")) { user.lockedAt == nil ? "Konto sperren" : "Konto entsperren" }
            HTML.p {
                user.lockedAt == nil
                    ? "Ein gesperrtes Konto kann sich nicht anmelden und keine API-Tokens nutzen; alle Sitzungen enden sofort. Die Daten bleiben."
                    : "Das Konto ist gesperrt. Nach dem Entsperren kann sich die Person wieder anmelden."
            }
            if let error = errors["action"] {
                HTML.p(.class("field__error"), .id("feld-action")) {
                    HTML.span(.class("visually-hidden")) { "Fehler: " }; error
                }
            }
            HTML.form(.method("post"), .action(AdminURL.accountLock(.value(user.id!)).path)) {
                Form.csrf(frame.visitor)
                HTML.input(.type("hidden"), .name("action"), .value(user.lockedAt == nil ? "lock" : "unlock"))
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button button--quiet")) { user.lockedAt == nil ? "Konto sperren" : "Konto entsperren" }
                }
            }
        }
    }

    private static func erasureForm(_ user: User, errors: FieldErrors, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("loeschen")) {
            HTML.h2(.id("loeschen")) { "Person löschen (Art. 17 DSGVO)" }
            HTML.p {
                "Name, E-Mail-Adresse, Profil, Netzwerk, Praxisprojekte, Bescheinigungen, Tokens und Freitexte werden gelöscht. "
                "Anonyme Angaben bleiben für die Auswertungen: Anwesenheit, Einschätzungen ohne Notiz, Antworten auf Befragungen. "
                "Das Änderungsprotokoll vermerkt die Löschung ohne die gelöschten Daten. Das lässt sich nicht rückgängig machen."
            }
            HTML.form(.method("post"), .action(AdminURL.accountErasure(.value(user.id!)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.field(confirmField, values: FormValues(), error: errors["confirm"])
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button button--danger")) { "Person endgültig löschen" } }
            }
        }
    }
}
