import CohesionCore
import CohesionPlatform
import Foundation

enum PrivacyViews {
    static func page(_ export: PersonalDataExport, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Meine Daten" }
            HTML.p(.class("lead")) {
                "Alles, was Cohesion über Sie gespeichert hat (Art. 15 DSGVO), nach Funktionen geordnet. "
                "Passwörter und Zugangsschlüssel stehen nie darin: sie sind nur als Prüfwert gespeichert."
            }
            HTML.div(.class("actions")) {
                HTML.a(.class("button"), .href(SiteURL.myDataJSON.path)) { "Als JSON-Datei herunterladen" }
                HTML.a(.href(SiteURL.legal(.privacy).path)) { "Datenschutzerklärung" }
            }
            HTML.p {
                "Berichtigen können Sie vieles selbst (Profil, Netzwerk, Einschätzungen). Die Löschung Ihres Kontos beantragen Sie bei der Administration; "
                "wer sie erreicht, steht im Impressum."
            }
            export.sections.map(section)
        }
    }

    /// Each entry as a list of its fields, so it reads on a phone; internal identifiers stay in the JSON file.
    private static func section(_ section: PersonalDataExport.Section) -> HTML {
        let id = "daten-" + section.table.replacingOccurrences(of: "_", with: "-")
        return .section(.ariaLabelledBy(id)) {
            HTML.h2(.id(id)) { section.data }
            HTML.p { "Zweck: \(section.purpose). Gespeichert: \(section.kept). \(section.rows.count == 1 ? "Ein Eintrag" : "\(section.rows.count) Einträge")." }
            HTML.ol(.class("entries")) {
                section.rows.map { row in
                    HTML.li {
                        HTML.dl(.class("facts")) {
                            zip(section.columns, row).filter { !$0.1.isIdentifier }.map { column, value in
                                HTML.fragment {
                                    HTML.dt { column }; HTML.dd { value.readable }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static let monthsField = FieldSpec(
        name: "months", label: "Aufbewahrung nach dem letzten Teil, in Monaten", kind: .number,
        hint: "Leer lassen, um nichts automatisch zu löschen. Gilt für Teilnehmende; Leitung, Referent*innen und Partner löscht die Administration auf Antrag.")

    static func retention(months: Int?, due: [Retention.Due], cutoff: CalendarDay?, values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Aufbewahrung" }
            HTML.p(.class("lead")) {
                "Wie lange die personenbezogenen Daten von Teilnehmenden nach dem Ende ihres letzten Durchlaufs bleiben. "
                "Danach löscht Cohesion sie einmal täglich wie eine beantragte Löschung; anonyme Auswertungen bleiben."
            }
            Form.errorSummary(errors, fields: [monthsField])
            HTML.form(.method("post"), .action(AdminURL.retention.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields([monthsField], values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Speichern" } }
            }
            HTML.section(.ariaLabelledBy("faellig")) {
                HTML.h2(.id("faellig")) { "Beim nächsten Lauf gelöscht" }
                if let months, let cutoff {
                    HTML.p { "Frist \(months) Monate: Teilnehmende, deren letzter Teil vor dem \(cutoff.german) endete." }
                    if due.isEmpty {
                        HTML.p { "Niemand." }
                    } else {
                        HTML.div(.class("table-scroll"), .tabindex(0)) {
                            HTML.table {
                                HTML.caption { due.count == 1 ? "Eine Person" : "\(due.count) Personen" }
                                HTML.thead { TableHeadings.row(["Name", "Letzter Tag"], textColumns: 1) }
                                HTML.tbody {
                                    due.map { person in
                                        HTML.tr {
                                            HTML.th(.scope("row")) { person.name }; HTML.td { person.lastDay.german }
                                        }
                                    }
                                }
                            }
                        }
                    }
                } else {
                    HTML.p { "Keine Frist eingestellt: es wird nichts automatisch gelöscht." }
                }
                HTML.p { "Auf dem Server zeigt „cohesion retention --dry-run“ dieselbe Liste; „cohesion retention“ löscht sofort." }
            }
        }
    }
}
