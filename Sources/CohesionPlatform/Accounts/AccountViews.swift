import CohesionCore
import Foundation

/// Login, forgotten password and setting a password from a one-time link.
package enum AccountViews {
    package static let loginFields = [
        FieldSpec(name: "email", label: "E-Mail-Adresse", kind: .email, required: true, autocomplete: "email"),
        FieldSpec(name: "password", label: "Passwort", kind: .password, required: true, autocomplete: "current-password"),
    ]

    package static func login(frame: PageFrame, values: FormValues, errors: FieldErrors, next: String?, message: String? = nil) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Anmelden" }
            if let message { HTML.div(.class("warning"), .role("alert")) { message } }
            Form.errorSummary(errors, fields: loginFields)
            HTML.form(.method("post"), .action(SiteURL.login.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                if let next { HTML.input(.type("hidden"), .name("weiter"), .value(next)) }
                Form.fields(loginFields, values: values, errors: errors)
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button")) { "Anmelden" }
                    HTML.a(.href(SiteURL.forgotPassword.path)) { "Passwort vergessen?" }
                }
            }
        }
    }

    package static let forgotFields = [
        FieldSpec(
            name: "email", label: "E-Mail-Adresse", kind: .email, required: true,
            hint: "Wir senden Ihnen einen Link, mit dem Sie ein neues Passwort setzen.", autocomplete: "email")
    ]

    package static func forgot(frame: PageFrame, values: FormValues, errors: FieldErrors) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Passwort vergessen" }
            Form.errorSummary(errors, fields: forgotFields)
            HTML.form(.method("post"), .action(SiteURL.forgotPassword.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(forgotFields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Link anfordern" } }
            }
        }
    }

    package static let setPasswordFields = [
        FieldSpec(
            name: "password", label: "Neues Passwort", kind: .password, required: true,
            hint: "Mindestens 10 Zeichen.", autocomplete: "new-password"),
        FieldSpec(
            name: "confirmation", label: "Passwort wiederholen", kind: .password, required: true,
            autocomplete: "new-password"),
    ]

    package static func setPassword(frame: PageFrame, token: String, name: String, errors: FieldErrors) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Passwort setzen" }
            HTML.p { "Guten Tag, \(name). Bitte wählen Sie ein Passwort für Ihr Konto." }
            Form.errorSummary(errors, fields: setPasswordFields)
            HTML.form(.method("post"), .action(SiteURL.setPassword(.value(token)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(setPasswordFields, values: FormValues(), errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Passwort speichern" } }
            }
        }
    }

    /// The rules for a new password, shared by the reset link and the invitation.
    package static func checkNewPassword(_ values: FormValues) -> FieldErrors {
        var errors = FieldErrors()
        if values["password"].count < 10 { errors.add("password", "Das Passwort muss mindestens 10 Zeichen lang sein.") }
        if values["password"].count > 200 { errors.add("password", "Höchstens 200 Zeichen, bitte kürzen.") }
        if errors.isEmpty && values["confirmation"] != values["password"] {
            errors.add("confirmation", "Die beiden Passwörter stimmen nicht überein.")
        }
        return errors
    }

    package static func invalidLink(frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Link nicht mehr gültig" }
            HTML.p { "Dieser Link ist abgelaufen oder wurde schon benutzt. Sie können einen neuen Link anfordern." }
            HTML.p { HTML.a(.href(SiteURL.forgotPassword.path)) { "Neuen Link anfordern" } }
        }
    }
}
