import CohesionCore
import CohesionPlatform
import Foundation

enum AssessmentViews {
    /// `/selbsteinschaetzung`: open phases and the participant's own course.
    static func overview(
        open: [PhaseSummary], history: [(editionID: UUID, edition: String, history: AssessmentHistory)],
        recommendations: [RecommendationQuery.Item], frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.h1 { "Meine Selbsteinschätzung" }
            HTML.p(.class("lead")) {
                "Wie sicher sind Sie in den Kompetenzfeldern des Programms, und wie sehr brauchen Sie sie in Ihrer Arbeit? "
                "Ihre Antworten sieht nur die Programmleitung; alle anderen sehen nur Zusammenfassungen ab fünf Personen."
            }
            HTML.h2 { "Offene Einschätzungen" }
            if open.isEmpty {
                HTML.p(.class("muted")) { "Zurzeit ist keine Einschätzung geöffnet." }
            } else {
                HTML.ul {
                    open.map { phase in HTML.li { HTML.a(.href(SiteURL.assessment(.value(phase.id)).path)) { phase.label + " – " + phase.editionTitle } } }
                }
            }
            if !recommendations.isEmpty { recommended(recommendations) }
            history.map { entry in
                HTML.section(.ariaLabelledBy("verlauf-\(entry.editionID)")) {
                    HTML.h2(.id("verlauf-\(entry.editionID)")) { "Mein Verlauf: " + entry.edition }
                    if entry.history.phases.isEmpty {
                        HTML.p(.class("muted")) { "Noch keine Einschätzung abgegeben." }
                    } else {
                        ChartBox.scrolling(
                            labelledBy: "diagramm-\(entry.editionID)-titel",
                            AssessmentChart.render(entry.history, id: "diagramm-\(entry.editionID)"))
                        AssessmentChart.table(entry.history)
                    }
                }
            }
        }
    }

    private static func recommended(_ items: [RecommendationQuery.Item]) -> HTML {
        .section(.ariaLabelledBy("empfehlungen")) {
            HTML.h2(.id("empfehlungen")) { "Empfehlungen für Sie" }
            HTML.p(.class("muted")) { "Aus Ihrer letzten Einschätzung: wo Ihr Bedarf Ihren Stand am weitesten übersteigt." }
            HTML.ul(.class("recommendations")) {
                items.map { item in
                    HTML.li {
                        HTML.strong { item.recommendation.unitTitle }
                        " (" + item.when + ")"
                        HTML.br()
                        item.recommendation.reason
                        if item.hasMaterial {
                            " "
                            HTML.a(.href(SiteURL.unitMaterial(.value(item.recommendation.unit)).path)) {
                                "Material"
                                HTML.span(.class("visually-hidden")) { ": " + item.recommendation.unitTitle }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The form of one phase: per competence area a fieldset with level, need (and then-test).
    static func form(phase: PhaseSummary, areas: [AssessmentQueries.Area], values: FormValues, errors: FieldErrors, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { HTML.a(.href(SiteURL.assessments.path)) { "Meine Selbsteinschätzung" } }
            HTML.h1 { "Selbsteinschätzung: " + phase.label }
            HTML.p { "1 = gar nicht, 5 = sehr. „Stand“: wie sicher Sie sich fühlen. „Bedarf“: wie sehr Ihre Arbeit es verlangt." }
            if !errors.isEmpty {
                HTML.div(.class("error-summary"), .role("alert")) {
                    HTML.h2 { "Bitte prüfen Sie Ihre Eingaben" }
                    HTML.p { "Bei jedem Kompetenzfeld bitte Stand und Bedarf wählen; die betroffenen Felder sind markiert." }
                }
            }
            HTML.form(.method("post"), .action(SiteURL.assessment(.value(phase.id)).path), .class("assessment")) {
                Form.csrf(frame.visitor)
                areas.map { area in areaFieldset(area, asksRetrospective: phase.asksRetrospective, values: values, errors: errors) }
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Einschätzung speichern" } }
            }
        }
    }

    private static func areaFieldset(_ area: AssessmentQueries.Area, asksRetrospective: Bool, values: FormValues, errors: FieldErrors) -> HTML {
        let key = area.id.uuidString
        return .fieldset(.class("assessment__area")) {
            HTML.legend { area.title }
            scale(name: key + "-level", label: "Stand", values: values, error: errors[key + "-level"])
            scale(name: key + "-need", label: "Bedarf", values: values, error: errors[key + "-need"])
            if asksRetrospective {
                scale(name: key + "-retro", label: "Rückblickend: mein Stand vor Teil 1 (freiwillig)", values: values, error: errors[key + "-retro"])
            }
            HTML.div(.class("field")) {
                HTML.label(.for(key + "-note")) { "Anmerkung (freiwillig)" }
                if let error = errors[key + "-note"] { HTML.p(.class("field__error")) { error } }
                HTML.input(.type("text"), .id(key + "-note"), .name(key + "-note"), .value(values[key + "-note"]))
            }
        }
    }

    private static func scale(name: String, label: String, values: FormValues, error: String?) -> HTML {
        .fieldset(.class(error == nil ? "scale" : "scale field--error")) {
            HTML.legend { label }
            if let error {
                HTML.p(.class("field__error"), .id(name + "-fehler")) {
                    HTML.span(.class("visually-hidden")) { "Fehler: " }; error
                }
            }
            HTML.div(.class("scale__choices")) {
                (1...5).map { value in
                    let id = name + "-\(value)"
                    return HTML.div(.class("choice")) {
                        HTML.input(
                            .type("radio"), .id(id), .name(name), .value("\(value)"), values[name] == "\(value)" ? .checked : nil,
                            error == nil ? nil : .ariaDescribedBy(name + "-fehler"))
                        HTML.label(.for(id)) { "\(value)" }
                    }
                }
            }
        }
    }

    /// The lead's page: phases with their state and number of respondents, open/close, add.
    static func admin(
        editionID: UUID, editionTitle: String, phases: [PhaseSummary], kinds: [AssessmentPhaseKind],
        error: String?, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(editionID)).path)) { editionTitle }
            }
            HTML.h1 { "Selbsteinschätzung" }
            if phases.isEmpty {
                HTML.p(.class("muted")) { "Noch keine Einschätzung angelegt." }
            } else {
                HTML.table {
                    HTML.thead { HTML.tr { ["Zeitpunkt", "Stand", "Personen", "Aktion"].map { h in HTML.th(.scope("col")) { h } } } }
                    HTML.tbody {
                        phases.map { phase in
                            HTML.tr {
                                HTML.td { phase.label + (phase.asksRetrospective ? " (mit Rückblick)" : "") }
                                HTML.td { phase.isOpen ? "geöffnet" : "geschlossen" }
                                HTML.td { "\(phase.respondents)" }
                                HTML.td {
                                    HTML.form(.method("post"), .action(AdminURL.togglePhase(.value(phase.id)).path), .class("inline-form")) {
                                        Form.csrf(frame.visitor)
                                        HTML.button(.type("submit"), .class("button button--quiet")) {
                                            phase.isOpen ? "Schließen" : "Öffnen"
                                            HTML.span(.class("visually-hidden")) { ": " + phase.label }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            HTML.h2 { "Zeitpunkt anlegen" }
            if let error { HTML.div(.class("error-summary"), .role("alert")) { HTML.p { error } } }
            HTML.form(.method("post"), .action(AdminURL.phases(.value(editionID)).path), .class("stack")) {
                Form.csrf(frame.visitor)
                Form.fields(
                    [
                        FieldSpec(
                            name: "code", label: "Zeitpunkt", kind: .select(kinds.map { .init(value: $0.code, label: $0.label) }, emptyLabel: nil),
                            required: true),
                        FieldSpec(
                            name: "retrospective", label: "Rückblick (Then-Test)",
                            kind: .checkboxes([.init(value: "ja", label: "Auch den Stand vor Teil 1 rückblickend erfragen")])),
                    ], values: FormValues(), errors: FieldErrors())
                HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anlegen (geöffnet)" } }
            }
        }
    }
}
