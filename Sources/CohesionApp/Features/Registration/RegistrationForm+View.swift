import CohesionCore
import CohesionPlatform
import Foundation

enum RegistrationView {
    static func render(
        part: Part, status: RegistrationStatus?, waitlistPlace: Int?, values: FormValues, errors: FieldErrors,
        isOpen: Bool, refused: Bool, frame: PageFrame
    ) -> HTML {
        let active = status == .registered || status == .waitlisted
        return Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" } }
            HTML.h1 { "Anmeldung für Teil \(part.number): \(part.title)" }
            HTML.p(.class("lead")) { dates(part) + " · " + part.venueName + ", " + part.city }
            HTML.div(.class(status == .registered ? "notice" : "status-box")) {
                HTML.p {
                    HTML.strong { "Stand: " }
                    switch status {
                    case .registered?: "Sie sind angemeldet."
                    case .waitlisted?:
                        "Sie stehen auf Platz \(waitlistPlace ?? 0) der Warteliste. Wird ein Platz frei, rücken Sie nach und bekommen eine E-Mail."
                    case .cancelled?:
                        isOpen
                            ? "Sie haben Ihre Teilnahme abgesagt. Sie können sich wieder anmelden, solange Plätze frei sind; sonst kommen Sie auf die Warteliste."
                            : "Sie haben Ihre Teilnahme abgesagt."
                    case nil: isOpen ? "Sie sind noch nicht angemeldet." : "Sie sind nicht angemeldet."
                    }
                }
            }
            if isOpen {
                openForms(part: part, active: active, values: values, errors: errors, frame: frame)
            } else {
                HTML.div(.class(refused ? "error-summary" : "status-box"), refused ? .role("alert") : nil) {
                    HTML.p { RegistrationWindow.closedMessage(partNumber: part.number, startsOn: part.startsOn) }
                }
                if active { answers(values) }
            }
        }
    }

    /// What the participant told the venue, once it can no longer be changed here.
    private static func answers(_ values: FormValues) -> HTML {
        .fragment {
            HTML.h2 { "Ihre Angaben" }
            HTML.dl(.class("facts")) {
                RegistrationForm.fields.filter { !values[$0.name].isEmpty || $0.required }.map { field in
                    HTML.fragment {
                        HTML.dt { field.label }
                        HTML.dd { RegistrationForm.readable(field, values: values) }
                    }
                }
            }
        }
    }

    private static func openForms(part: Part, active: Bool, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        let partID = part.id ?? UUID()
        return .fragment {
            Form.errorSummary(errors, fields: RegistrationForm.fields)
            HTML.form(.method("post"), .action(SiteURL.registration(.value(partID)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(RegistrationForm.fields, values: values, errors: errors)
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button")) { active ? "Angaben speichern" : "Verbindlich anmelden" }
                }
            }
            if active {
                HTML.h2 { "Teilnahme absagen" }
                HTML.p { "Wenn Sie nicht teilnehmen können, geben Sie Ihren Platz bitte frei: Die erste Person auf der Warteliste rückt nach." }
                HTML.form(.method("post"), .action(SiteURL.cancellation(.value(partID)).path)) {
                    Form.csrf(frame.visitor)
                    HTML.button(.type("submit"), .class("button button--danger")) { "Teilnahme absagen" }
                }
            }
        }
    }

    static func dates(_ part: Part) -> String {
        part.dates
    }
}
