import CohesionCore
import CohesionPlatform
import Foundation

enum SecondFactorViews {
    /// The second step of signing in.
    static func code(values: FormValues, errors: FieldErrors, next: String?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Code eingeben" }
            HTML.p { "Ihr Konto ist mit einer Authenticator-App gesichert. Bitte geben Sie den Code ein, den die App gerade zeigt." }
            Form.errorSummary(errors, fields: [SecondFactorController.codeField])
            HTML.form(.method("post"), .action(SiteURL.loginCode.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                if let next { HTML.input(.type("hidden"), .name("weiter"), .value(next)) }
                Form.fields([SecondFactorController.codeField], values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anmelden" } }
            }
            HTML.p { "Telefon verloren? Die Administration setzt den zweiten Faktor zurück; danach genügt das Passwort." }
        }
    }

    /// Mein Konto → Zweiter Faktor: set up with a QR code, or switch off.
    static func page(factor: SecondFactor?, uri: String?, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p { HTML.a(.href(SiteURL.account.path)) { "← Mein Konto" } }
            HTML.h1 { "Zweiter Faktor" }
            HTML.p(.class("lead")) {
                "Mit einer Authenticator-App (zum Beispiel FreeOTP, Aegis oder die App Ihres Dienstherrn) fragt Cohesion nach dem Passwort "
                "zusätzlich einen Code, der alle 30 Sekunden wechselt. Wer Ihr Passwort kennt, kommt damit allein nicht in Ihr Konto."
            }
            Form.errorSummary(errors, fields: [SecondFactorController.codeField])
            if let factor, factor.enabledAt != nil {
                HTML.p { "Der zweite Faktor ist eingerichtet." }
                HTML.form(.method("post"), .action(SiteURL.disableSecondFactor.path), .class("stack"), .novalidate) {
                    Form.csrf(frame.visitor)
                    Form.fields([SecondFactorController.codeField], values: FormValues(), errors: errors)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button button--quiet")) { "Zweiten Faktor abschalten" } }
                }
            } else if let factor, let uri {
                HTML.ol(.class("stack")) {
                    HTML.li {
                        // A code that cannot be drawn is said, never left out: the key below still works.
                        if let qr = try? QRCode(text: uri) {
                            HTML.p { "Scannen Sie diesen Code mit der App:" }
                            HTML.div(.class("qr"), .role("img"), .ariaLabel("QR-Code zum Einrichten der App")) { HTML.raw(qr.svg(sizeInMillimetres: 40)) }
                        } else {
                            HTML.p(.class("field__error")) {
                                "Für diesen Schlüssel lässt sich kein QR-Code zeichnen. Bitte geben Sie ihn von Hand in der App ein."
                            }
                        }
                        HTML.p {
                            "Oder geben Sie diesen Schlüssel in der App ein: "; HTML.code(.class("secret")) { grouped(factor.secret) }
                        }
                    }
                    HTML.li {
                        HTML.form(.method("post"), .action(SiteURL.confirmSecondFactor.path), .class("stack"), .novalidate) {
                            Form.csrf(frame.visitor)
                            Form.fields([SecondFactorController.codeField], values: FormValues(), errors: errors)
                            HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Bestätigen und einschalten" } }
                        }
                    }
                }
            } else {
                HTML.form(.method("post"), .action(SiteURL.secondFactor.path)) {
                    Form.csrf(frame.visitor)
                    HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Zweiten Faktor einrichten" } }
                }
            }
        }
    }

    /// "ABCD EFGH …": easier to type from the screen.
    static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { start in
            String(secret.dropFirst(start).prefix(4))
        }.joined(separator: " ")
    }
}
