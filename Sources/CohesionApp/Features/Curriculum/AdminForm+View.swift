import CohesionCore
import CohesionPlatform
import Foundation

/// The lead's edit form and the confirmation before deleting.
enum AdminFormView {
    static func form(
        title: String, fields: [FieldSpec], values: FormValues, errors: FieldErrors,
        action: String, cancel: String, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.h1 { title }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(action), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button")) { "Speichern" }
                    HTML.a(.href(cancel)) { "Abbrechen" }
                }
            }
        }
    }

    static func confirmDelete(
        kind: AdminResourceKind, name: String, consequences: [String],
        action: String, cancel: String, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "\(kind.singular) löschen?" }
            HTML.p(.class("lead")) { "Sie sind dabei, \(kind.accusative) „\(name)“ zu löschen." }
            if consequences.isEmpty {
                HTML.p { "Davon hängt nichts weiter ab." }
            } else {
                HTML.div(.class("warning")) {
                    HTML.p { HTML.strong { "Damit geht auch verloren:" } }
                    HTML.ul { consequences.map { line in HTML.li { line } } }
                }
            }
            HTML.p { "Das lässt sich nicht rückgängig machen." }
            HTML.form(.method("post"), .action(action)) {
                Form.csrf(frame.visitor)
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button button--danger")) { "Endgültig löschen" }
                    HTML.a(.href(cancel)) { "Abbrechen" }
                }
            }
        }
    }
}
