import CohesionCore
import CohesionPlatform

/// The page an invited person opens from the mail: choose a password, then complete the profile.
enum InvitationAcceptView {
    static func page(frame: PageFrame, token: String, name: String, edition: String, errors: FieldErrors) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Willkommen, \(name)" }
            HTML.p(.class("lead")) { "Sie sind eingeladen zum \(edition). Bitte wählen Sie ein Passwort; danach ergänzen Sie Ihr Profil." }
            Form.errorSummary(errors, fields: AccountViews.setPasswordFields)
            HTML.form(.method("post"), .action(SiteURL.invitation(.value(token)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(AccountViews.setPasswordFields, values: FormValues(), errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Einladung annehmen" } }
            }
        }
    }
}
