import Foundation
import CohesionCore

enum RegistrationView {
    static func render(part: Part, status: RegistrationStatus?, waitlistPlace: Int?, values: FormValues, errors: FieldErrors,
                       frame: PageFrame) -> HTML {
        let partID = part.id ?? UUID()
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
                    case .waitlisted?: "Sie stehen auf Platz \(waitlistPlace ?? 0) der Warteliste. Wird ein Platz frei, rücken Sie nach und bekommen eine E-Mail."
                    case .cancelled?: "Sie haben Ihre Teilnahme abgesagt. Sie können sich wieder anmelden, solange Plätze frei sind; sonst kommen Sie auf die Warteliste."
                    case nil: "Sie sind noch nicht angemeldet."
                    }
                }
            }
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
