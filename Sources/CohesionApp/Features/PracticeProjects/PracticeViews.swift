import CohesionCore
import CohesionPlatform
import Foundation

enum PracticeViews {
    static func own(projects: [PracticeProject], fields: [FieldSpec], values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" } }
            HTML.h1 { "Meine Praxisprojekte" }
            HTML.p(.class("lead")) {
                "Was Sie aus einem Teil in Ihre Kommune mitnehmen: Ziel, erste Schritte, bis wann. Beim nächsten Teil berichten Sie, wie es lief."
            }
            if projects.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Praxisprojekt." }
            } else {
                HTML.ul(.class("cards")) { projects.map(card) }
            }
            HTML.h2 { "Neues Praxisprojekt" }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(SiteURL.projects.path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Praxisprojekt anlegen" } }
            }
        }
    }

    private static func card(_ project: PracticeProject) -> HTML {
        .li(.class("card")) {
            HTML.h3 { project.goal }
            HTML.dl(.class("facts")) {
                HTML.dt { "Teil" }; HTML.dd { "\(project.part.number): \(project.part.title)" }
                HTML.dt { "Bis" }; HTML.dd { CalendarDay(iso: project.dueOn)?.german ?? project.dueOn }
                HTML.dt { "Stand" }; HTML.dd { project.outcome?.label ?? "offen" }
            }
            HTML.p {
                HTML.a(.href(SiteURL.project(.value(project.id ?? UUID())).path)) {
                    project.outcome == nil ? "Bericht abgeben" : "Bericht ändern"
                    HTML.span(.class("visually-hidden")) { ": " + project.goal }
                }
            }
        }
    }

    static func report(project: PracticeProject, fields: [FieldSpec], values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.projects.path)) { "Meine Praxisprojekte" } }
            HTML.h1 { "Bericht: " + project.goal }
            HTML.p {
                HTML.strong { "Erste Schritte: " }; project.firstSteps
            }
            Form.errorSummary(errors, fields: fields)
            HTML.form(.method("post"), .action(SiteURL.project(.value(project.id ?? UUID())).path), .class("stack"), .novalidate) {
                Form.csrf(frame.visitor)
                Form.fields(fields, values: values, errors: errors)
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Bericht speichern" } }
            }
        }
    }

    static func cohort(
        editionID: UUID, editionTitle: String, rows: [(name: String, part: Int, goal: String, due: String, outcome: String?)],
        frame: PageFrame
    ) -> HTML {
        let counts = Dictionary(grouping: rows, by: { $0.outcome ?? "open" }).mapValues(\.count)
        return Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(editionID)).path)) { editionTitle }
            }
            HTML.h1 { "Praxisprojekte" }
            HTML.dl(.class("facts")) {
                HTML.dt { "Projekte" }; HTML.dd { "\(rows.count)" }
                HTML.dt { "offen" }; HTML.dd { "\(counts["open"] ?? 0)" }
                ProjectOutcome.allCases.map { outcome in
                    HTMLBuilder.buildBlock(.dt { outcome.label }, .dd { "\(counts[outcome.rawValue] ?? 0)" })
                }
            }
            if rows.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Praxisprojekte." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead { HTML.tr { ["Teil", "Name", "Ziel", "Bis", "Stand"].map { h in HTML.th(.scope("col")) { h } } } }
                        HTML.tbody {
                            rows.map { row in
                                HTML.tr {
                                    HTML.td { "\(row.part)" }
                                    HTML.td { row.name }
                                    HTML.td { row.goal }
                                    HTML.td { CalendarDay(iso: row.due)?.german ?? row.due }
                                    HTML.td { row.outcome.flatMap(ProjectOutcome.init(rawValue:))?.label ?? "offen" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
