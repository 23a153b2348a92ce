import CohesionCore
import CohesionPlatform
import Foundation

/// Pages of pooled feedback: the edition's overview, and one report per part or facilitator.
enum FeedbackReportViews {
    struct Line: Sendable {
        let id: UUID
        let label: String
        let detail: String
        let pooled: FeedbackPooling.Pooled
    }

    static func overview(
        editionID: UUID, editionTitle: String, parts: [Line], people: [Line], rule: DisclosureRule,
        frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            breadcrumb(editionID, editionTitle, frame: frame)
            HTML.h1 { "Feedback: " + editionTitle }
            HTML.p(.class("lead")) {
                "Die Skalenfragen (1–5) aller Feedbackbögen zusammengefasst, je Teil und je Referent*in. "
                "Es zählen nur Bögen mit mindestens \(rule.minimumGroupSize) Rückmeldungen."
            }
            HTML.section(.ariaLabelledBy("je-teil")) {
                HTML.h2(.id("je-teil")) { "Je Teil" }
                table(parts, firstColumn: "Teil") { SiteURL.partFeedback(.value($0.id)).path }
            }
            if !people.isEmpty {
                HTML.section(.ariaLabelledBy("je-person")) {
                    HTML.h2(.id("je-person")) { "Je Referent*in" }
                    HTML.p(.class("muted")) { "Bögen zu einzelnen Einheiten, nach den Personen, die sie geben." }
                    table(people, firstColumn: "Referent*in") { SiteURL.facilitatorFeedback(.value(editionID), .value($0.id)).path }
                }
            }
        }
    }

    private static func table(_ lines: [Line], firstColumn: String, link: (Line) -> String) -> HTML {
        guard !lines.isEmpty else { return .p(.class("muted")) { "Nichts auszuwerten." } }
        return .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead {
                    TableHeadings.row([firstColumn, "Ausgewertete Bögen", "Rückmeldungen", "Mittelwert (1–5)"])
                }
                HTML.tbody {
                    lines.map { line in
                        HTML.tr {
                            HTML.th(.scope("row")) {
                                HTML.a(.href(link(line))) { line.label }
                                if !line.detail.isEmpty { HTML.span(.class("muted")) { " (" + line.detail + ")" } }
                            }
                            HTML.td(.class("number")) {
                                "\(line.pooled.included.count)" + (line.pooled.withheld.isEmpty ? "" : " (+\(line.pooled.withheld.count) zu klein)")
                            }
                            HTML.td(.class("number")) { "\(line.pooled.responses)" }
                            HTML.td(.class("number")) { line.pooled.overall.mean.map { germanDecimal($0) } ?? "–" }
                        }
                    }
                }
            }
        }
    }

    static func pooled(
        heading: String, scope: String, editionID: UUID, editionTitle: String, surveys: [FeedbackQueries.SurveyLine],
        pooled: FeedbackPooling.Pooled, means: [UUID: Double], rule: DisclosureRule, frame: PageFrame
    ) -> HTML {
        Layout.page(frame) {
            breadcrumb(editionID, editionTitle, frame: frame)
            HTML.h1 { heading }
            HTML.p(.class("lead")) { scope }
            if pooled.included.isEmpty {
                HTML.p(.class("status-box")) {
                    "Noch kein Bogen hat \(rule.minimumGroupSize) Rückmeldungen erreicht. Ausgewertet wird erst dann, "
                    "damit niemand an seinen Antworten erkannt werden kann."
                }
            } else {
                HTML.p {
                    "\(pooled.responses) Rückmeldungen aus \(pooled.included.count) " + (pooled.included.count == 1 ? "Bogen." : "Bögen.")
                    if !pooled.withheld.isEmpty {
                        " \(pooled.withheld.count) " + (pooled.withheld.count == 1 ? "Bogen hat" : "Bögen haben")
                            + " weniger als \(rule.minimumGroupSize) Rückmeldungen und " + (pooled.withheld.count == 1 ? "zählt" : "zählen") + " nicht mit."
                    }
                }
                overall(pooled.overall)
                scales(pooled.scales)
                freeTexts(pooled.freeTexts)
            }
            surveyTable(surveys, pooled: pooled, means: means)
        }
    }

    private static func overall(_ scale: FeedbackPooling.Scale) -> HTML {
        .section(.ariaLabelledBy("alle-skalen")) {
            HTML.h2(.id("alle-skalen")) { "Alle Skalenfragen zusammen" }
            if let mean = scale.mean {
                HTML.p { "Mittelwert " + germanDecimal(mean) + " aus \(scale.answers) Antworten (1 = gering, 5 = hoch)." }
                ChartBox.scrolling(labelledBy: "diagramm-alle-titel", BarChart.render(distributionRows(scale), id: "diagramm-alle", title: "alle Skalenfragen"))
                distributionTable(scale)
            } else {
                HTML.p(.class("muted")) { "Die ausgewerteten Bögen enthalten keine Skalenfragen." }
            }
        }
    }

    private static func scales(_ scales: [FeedbackPooling.Scale]) -> HTML {
        guard !scales.isEmpty else { return .empty }
        return .section(.ariaLabelledBy("je-frage")) {
            HTML.h2(.id("je-frage")) { "Je Frage" }
            HTML.p(.class("muted")) {
                "Gleich lautende Fragen verschiedener Bögen sind zusammengefasst. Auswahlfragen stehen in den Auswertungen der einzelnen Bögen."
            }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        HTML.tr {
                            HTML.th(.scope("col")) { "Frage" }
                            TableHeadings.heading("Antworten", numeric: true)
                            TableHeadings.heading("Mittelwert", numeric: true)
                            (1...5).map { value in TableHeadings.heading("\(value)", numeric: true) }
                        }
                    }
                    HTML.tbody {
                        scales.map { scale in
                            HTML.tr {
                                HTML.th(.scope("row")) { scale.text }
                                HTML.td(.class("number")) { "\(scale.answers)" }
                                HTML.td(.class("number")) { scale.mean.map { germanDecimal($0) } ?? "–" }
                                scale.distribution.map { count in HTML.td(.class("number")) { "\(count)" } }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func freeTexts(_ groups: [FeedbackPooling.FreeTexts]) -> HTML {
        guard !groups.isEmpty else { return .empty }
        return .section(.ariaLabelledBy("freitexte")) {
            HTML.h2(.id("freitexte")) { "Freitexte" }
            groups.map { group in
                HTMLBuilder.buildBlock(
                    .h3 { group.question },
                    .ul(.class("free-texts")) { group.texts.map { text in HTML.li { text } } }
                )
            }
        }
    }

    private static func surveyTable(_ surveys: [FeedbackQueries.SurveyLine], pooled: FeedbackPooling.Pooled, means: [UUID: Double]) -> HTML {
        .section(.ariaLabelledBy("boegen")) {
            HTML.h2(.id("boegen")) { "Die einzelnen Bögen" }
            if surveys.isEmpty {
                HTML.p(.class("muted")) { "Noch kein Feedbackbogen." }
            } else {
                HTML.div(.class("table-scroll"), .tabindex(0)) {
                    HTML.table {
                        HTML.thead { TableHeadings.row(["Bogen", "Bezieht sich auf", "Rückmeldungen", "Mittelwert"], textColumns: 2) }
                        HTML.tbody {
                            surveys.map { survey in
                                HTML.tr {
                                    HTML.th(.scope("row")) { HTML.a(.href(SiteURL.surveyReport(.value(survey.id)).path)) { survey.title } }
                                    HTML.td { survey.target }
                                    HTML.td(.class("number")) { "\(survey.responses)" }
                                    HTML.td(.class("number")) {
                                        pooled.included.contains(survey.id) ? (means[survey.id].map { germanDecimal($0) } ?? "–") : "zu wenige"
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func distributionRows(_ scale: FeedbackPooling.Scale) -> [(label: String, count: Int)] {
        scale.distribution.enumerated().map { (label: "\($0.offset + 1)", count: $0.element) }
    }

    private static func distributionTable(_ scale: FeedbackPooling.Scale) -> HTML {
        .table {
            HTML.thead { TableHeadings.row(["Wert", "Anzahl"]) }
            HTML.tbody {
                distributionRows(scale).map { row in
                    HTML.tr {
                        HTML.td { row.label }; HTML.td(.class("number")) { "\(row.count)" }
                    }
                }
            }
        }
    }

    private static func breadcrumb(_ editionID: UUID, _ title: String, frame: PageFrame) -> HTML {
        EvaluationViews.breadcrumb(editionID, title, frame: frame, then: ("Feedback", SiteURL.feedbackOverview(.value(editionID)).path))
    }
}
