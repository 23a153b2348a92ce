import CohesionCore
import CohesionPlatform
import Foundation

/// The impact report as a page: printable, each chart with its table.
enum ImpactReportView {
    static func render(_ report: ImpactReport, frame: PageFrame) -> HTML {
        Layout.page(frame) { content(report) }
    }

    /// Everything inside the page's frame: the same for every reader of one detail level.
    static func content(_ report: ImpactReport) -> HTML {
        HTML.fragment {
            HTML.p(.class("muted")) { report.programmeTitle }
            HTML.h1 { "Wirkungsbericht: " + report.editionTitle }
            HTML.p(.class("lead")) {
                "Zusammengefasste, anonyme Zahlen nach den Ebenen von Kirkpatrick: Reaktion, Lernen, Verhalten. "
                "Für Gruppen unter \(report.rule.minimumGroupSize) Personen wird kein Wert gezeigt. "
                "\(report.members) Teilnehmer*innen im Durchlauf, \(report.certificates) mit Abschlussbescheinigung."
            }
            HTML.div(.class("actions no-print")) {
                HTML.a(.href(SiteURL.impactReportPDF(.value(report.editionID)).path), .class("button")) { "Als PDF/A herunterladen" }
                HTML.button(.type("button"), .class("button button--quiet"), .init("data-print", nil), .init("hidden", nil)) { "Bericht drucken" }
                HTML.a(.href(SiteURL.cohortMap(.value(report.editionID)).path)) { "Herkunft der Kohorte" }
            }
            reaction(report)
            learning(report)
            behaviour(report)
            HTML.section(.ariaLabelledBy("methode")) {
                HTML.h2(.id("methode")) { "Zur Methode" }
                ImpactReportText.method(report).map { line in HTML.p(.class("muted")) { line } }
            }
        }
    }

    private static func reaction(_ report: ImpactReport) -> HTML {
        .section(.ariaLabelledBy("reaktion")) {
            HTML.h2(.id("reaktion")) { "Ebene 1 – Reaktion: Zufriedenheit und Teilnahme" }
            HTML.h3 { "Je Teil" }
            ImpactCharts.satisfactionByPart(report).html
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Teil", "Angemeldet", "Anwesenheit", "Zufriedenheit (1–5)", "Rückmeldungen"]) }
                    HTML.tbody {
                        report.parts.map { part in
                            HTML.tr {
                                HTML.th(.scope("row")) { part.label }
                                HTML.td(.class("number")) { "\(part.registered)" }
                                HTML.td(.class("number")) { ImpactCharts.attendanceShown(part.attendanceRate, records: part.attendanceRecords) }
                                HTML.td(.class("number")) { part.satisfaction.map { germanDecimal($0) } ?? "–" }
                                HTML.td(.class("number")) { "\(part.surveyResponses)" }
                            }
                        }
                    }
                }
            }
            let surveyed = ImpactCharts.surveyedUnits(report)
            if !surveyed.isEmpty {
                HTML.h3 { "Zufriedenheit je Einheit" }
                ImpactCharts.satisfactionByUnit(report).html
                unitTable(
                    surveyed.map { ($0.label, ImpactCharts.satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: report.rule)) },
                    value: "Zufriedenheit (n)")
            }
            if report.units.contains(where: { $0.attendanceRecords > 0 }) {
                HTML.h3 { "Anwesenheit je Einheit" }
                ImpactCharts.attendanceByUnit(report).html
                if report.detail == .lead {
                    unitTable(
                        report.units.filter { $0.attendanceRecords > 0 }.map {
                            ($0.label, ImpactCharts.attendanceShown($0.attendanceRate, records: $0.attendanceRecords))
                        },
                        value: "Anwesenheit (n)")
                } else {
                    HTML.p(.class("muted")) { "Die Werte stehen am Ende jedes Balkens; die Tabelle je Einheit steht im Bericht der Programmleitung." }
                }
            }
        }
    }

    private static func unitTable(_ rows: [(String, String)], value: String) -> HTML {
        .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead { TableHeadings.row(["Einheit", value]) }
                HTML.tbody {
                    rows.map { row in
                        HTML.tr {
                            HTML.th(.scope("row")) { row.0 }; HTML.td(.class("number")) { row.1 }
                        }
                    }
                }
            }
        }
    }

    private static func learning(_ report: ImpactReport) -> HTML {
        .section(.ariaLabelledBy("lernen")) {
            HTML.h2(.id("lernen")) { "Ebene 2 – Lernen: Veränderung der Kompetenzen" }
            if report.change.rows.isEmpty {
                HTML.p { "Noch keine Einschätzung zu zwei Zeitpunkten." }
            } else {
                HTML.p {
                    "Selbsteinschätzung (1–5) vorher und nachher, für alle, die beide Male geantwortet haben. Der Then-Test vergleicht mit dem Anfangsstand, "
                    "wie ihn die Teilnehmer*innen nachher rückblickend einschätzen; beide Veränderungen stehen nebeneinander, keine ist von sich aus die richtige."
                }
                HTML.h3 { "Veränderung je Kompetenzfeld" }
                EvaluationViews.changeChart(report.change).html
                EvaluationViews.changeTable(report.change, withDetail: report.detail == .lead)
            }
            HTML.h3 { "Bedarfe der Kohorte nach Art der Kommune" }
            if report.needs.phase == nil {
                HTML.p { "Noch hat niemand eine Selbsteinschätzung abgegeben." }
            } else if let why = EvaluationViews.onlyHiddenGroups(report.needs) {
                HTML.p { why }
                EvaluationViews.needsChart(report.needs, split: false, id: "bericht-bedarfe").html
                EvaluationViews.needsTable(report.needs, split: false)
            } else {
                EvaluationViews.needsChart(report.needs, split: true, id: "bericht-bedarfe").html
                EvaluationViews.needsTable(report.needs, split: true)
            }
            NeedTraceView.section(report.trace, headingLevel: 3, editable: nil, visitor: nil)
        }
    }

    private static func behaviour(_ report: ImpactReport) -> HTML {
        let transfer = report.transfer
        let summary = transfer.summary
        return .section(.ariaLabelledBy("verhalten")) {
            HTML.h2(.id("verhalten")) { "Ebene 3 – Verhalten: Transfer in die Praxis" }
            HTML.p { ImpactReportText.transferIntro(report) }
            if summary.isShown {
                counted(summary.changes, of: summary.responses, id: "transfer-veraenderungen", title: "Was sich in den Kommunen verändert hat")
                counted(summary.areasUsed, of: summary.responses, id: "transfer-felder", title: "Genutzte Kompetenzfelder")
                counted(summary.helped, of: summary.responses, id: "transfer-geholfen", title: "Was geholfen hat")
                counted(summary.hindered, of: summary.responses, id: "transfer-gehindert", title: "Was behindert hat")
            }
            HTML.h3 { "Praxisprojekte" }
            if let outcomes = summary.outcomes {
                counted(outcomes, of: summary.projects, id: "praxisprojekte", title: "Stand der Praxisprojekte")
            } else {
                HTML.p {
                    summary.projects == 0
                        ? "Noch keine Praxisprojekte."
                        : "\(summary.projects) Praxisprojekte – zu wenige, um ihren Stand zu zeigen (ab \(report.rule.minimumGroupSize))."
                }
            }
        }
    }

    private static func counted(_ counts: [TransferSummary.Count], of total: Int, id: String, title: String) -> HTML {
        HTML.fragment {
            HTML.h3(.id(id)) { title }
            ImpactCharts.counts(counts, of: total, id: id + "-diagramm", title: title).html
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Antwort", "Anzahl", "von"]) }
                    HTML.tbody {
                        counts.map { count in
                            HTML.tr {
                                HTML.th(.scope("row")) { count.label }
                                HTML.td(.class("number")) { "\(count.count)" }
                                HTML.td(.class("number")) { "\(total)" }
                            }
                        }
                    }
                }
            }
        }
    }
}
