import CohesionCore
import CohesionPlatform
import Foundation

enum LegalViews {
    static let feedbackFields = [
        FieldSpec(
            name: "message", label: "Ihre Rückmeldung", kind: .textarea, required: true,
            hint: "Welche Barriere ist Ihnen aufgefallen, und auf welcher Seite?"),
        FieldSpec(name: "contact", label: "Ihre E-Mail-Adresse für eine Antwort", kind: .email, hint: "Freiwillig."),
    ]
    static let editFields = [
        FieldSpec(
            name: "body", label: "Text", kind: .textarea, required: true,
            hint: "Absätze durch eine Leerzeile trennen; eine Zeile, die mit „## “ beginnt, wird Zwischenüberschrift.")
    ]

    static func page(
        _ kind: LegalPageKind, text: String, personalData: [PersonalData], values: FormValues, errors: FieldErrors,
        thanks: String?, mayEdit: Bool, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.h1 { kind.title }
            if let thanks { HTML.div(.class("notice"), .role("status")) { HTML.p { thanks } } }
            HTML.div(.class(kind == .plainLanguage ? "prose prose--plain" : "prose")) { paragraphs(text) }
            if !personalData.isEmpty { personalDataTable(personalData) }
            if kind == .accessibility { feedbackForm(values: values, errors: errors, frame: frame) }
            if mayEdit {
                HTML.p { HTML.a(.href(AdminURL.legalPage(.value(kind.rawValue)).path)) { "Diese Seite bearbeiten" } }
            }
        }
    }

    /// The admin's text, escaped: paragraphs at blank lines, `## ` lines as subheadings. No markup from the form reaches the page.
    static func paragraphs(_ text: String) -> HTML {
        let blocks = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return HTML.fragment {
            blocks.map { block in
                block.hasPrefix("## ")
                    ? HTML.h2 { String(block.dropFirst(3)) }
                    : HTML.p {
                        HTML.fragment {
                            block.split(separator: "\n").enumerated().map { index, line in
                                index == 0
                                    ? HTML.text(String(line))
                                    : HTML.fragment {
                                        HTML.br(); HTML.text(String(line))
                                    }
                            }
                        }
                    }
            }
        }
    }

    private static func personalDataTable(_ declarations: [PersonalData]) -> HTML {
        .section(.ariaLabelledBy("gespeicherte-daten")) {
            HTML.h2(.id("gespeicherte-daten")) { "Welche Daten Cohesion speichert" }
            HTML.p { "Diese Liste entsteht aus dem, was die Anwendung tatsächlich speichert: jede Funktion gibt ihre Daten an." }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Daten", "Zweck", "Speicherdauer"], textColumns: 3) }
                    HTML.tbody {
                        declarations.map { item in
                            HTML.tr {
                                HTML.th(.scope("row")) { item.data }; HTML.td { item.purpose }; HTML.td { item.kept }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func feedbackForm(values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        .section(.ariaLabelledBy("rueckmeldung")) {
            HTML.h2(.id("rueckmeldung")) { "Barriere melden" }
            Form.errorSummary(errors, fields: feedbackFields)
            HTML.form(.method("post"), .action(SiteURL.legal(.accessibility).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(feedbackFields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Rückmeldung senden" } }
            }
        }
    }

    static func edit(_ kind: LegalPageKind, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { kind.title + " bearbeiten" }
            Form.errorSummary(errors, fields: editFields)
            HTML.form(.method("post"), .action(AdminURL.legalPage(.value(kind.rawValue)).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(editFields, values: values, errors: errors)
                HTML.div(.class("actions")) {
                    HTML.button(.type("submit"), .class("button")) { "Speichern" }
                    HTML.a(.href(SiteURL.legal(kind).path)) { "Abbrechen" }
                }
            }
        }
    }
}
