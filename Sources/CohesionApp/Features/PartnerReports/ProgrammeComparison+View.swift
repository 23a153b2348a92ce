import CohesionCore
import CohesionPlatform
import Foundation

/// The programme's editions compared: key figures, then change and needs per area, each as a
/// chart with its table.
enum ProgrammeComparisonView {
    /// The page without its frame: the same for every reader, so it is kept rendered.
    static func content(_ model: ProgrammeComparison) -> HTML {
        let hidden = model.columns.filter { $0.report == nil }
        return HTML.fragment {
            HTML.p(.class("muted")) {
                HTML.a(.href(SiteURL.reports.path)) { "Berichte" }; " · " + model.programmeTitle
            }
            HTML.h1 { "Durchläufe im Vergleich" }
            HTML.p(.class("lead")) {
                "Jeder Durchlauf mit den Zahlen seines Wirkungsberichts. Für Gruppen unter \(model.rule.minimumGroupSize) Personen wird kein Wert gezeigt, "
                "in jedem Durchlauf und in jedem Feld."
            }
            if !hidden.isEmpty {
                HTML.p(.class("status-box")) {
                    hidden.map { "„\($0.title)“" }.joined(separator: ", ")
                        + (hidden.count == 1 ? " hat" : " haben") + " weniger als \(model.rule.minimumGroupSize) Teilnehmer*innen und "
                        + (hidden.count == 1 ? "bleibt" : "bleiben") + " ohne Zahlen."
                }
            }
            if model.columns.isEmpty {
                HTML.p { "Zu diesem Programm gibt es noch keinen Durchlauf." }
            } else {
                keyFigures(model)
                if !model.shown.isEmpty {
                    change(model)
                    needs(model)
                }
            }
        }
    }

    private static func keyFigures(_ model: ProgrammeComparison) -> HTML {
        .section(.ariaLabelledBy("kennzahlen")) {
            HTML.h2(.id("kennzahlen")) { "Kennzahlen je Durchlauf" }
            chart(
                model, heading: "Teilnehmer*innen", id: "teilnehmende", title: "Teilnehmer*innen je Durchlauf",
                description: "Zahl der Teilnehmer*innen je Durchlauf.", maximum: Double(model.shown.map(\.column.members).max() ?? 1)
            ) { column, report in report.map { _ in (Double(column.members), "\(column.members)") } }
            chart(
                model, heading: "Abschluss", id: "abschluss", title: "Abschluss je Durchlauf",
                description: "Anteil der Teilnehmer*innen mit Abschlussbescheinigung je Durchlauf.", maximum: 100
            ) { _, report in
                guard let report else { return nil }
                return (Double(report.certificates) * 100 / Double(max(report.members, 1)), "\(report.certificates) von \(report.members)")
            }
            chart(
                model, heading: "Zufriedenheit", id: "zufriedenheit", title: "Zufriedenheit je Durchlauf (1–5)",
                description: "Mittelwert aller Skalenfragen der Feedbackbögen, die selbst die Mindestzahl erreichen.", maximum: 5
            ) { _, report in
                report.map { ($0.satisfaction, ImpactCharts.satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: model.rule)) }
            }
            chart(
                model, heading: "Transfer in die Praxis", id: "transfer", title: "Transfer: Anteil mit einer Veränderung in der Kommune",
                description: "Anteil der Antwortenden der Nachbefragung, die mindestens eine Veränderung in ihrer Kommune nennen.", maximum: 100
            ) { column, report in (transferShare(report), transferShown(column)) }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Kennzahl"] + model.columns.map(\.title)) }
                    HTML.tbody {
                        row("Teilnehmer*innen", model) { column in column.report == nil ? "unter \(model.rule.minimumGroupSize)" : "\(column.members)" }
                        row("Abschluss", model) { column in column.report.map { "\($0.certificates) von \($0.members)" } ?? "zu klein" }
                        row("Zufriedenheit (1–5)", model) { column in
                            column.report.map { ImpactCharts.satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: model.rule) } ?? "zu klein"
                        }
                        row("Nachbefragung: mit Veränderung", model) { column in transferShown(column) }
                    }
                }
            }
        }
    }

    /// One key figure over the editions: a heading and a bar per edition. `figure` gives the bar's
    /// value (nil: hidden) and what it reads; nil for the whole figure of an edition too small to show.
    private static func chart(
        _ model: ProgrammeComparison, heading: String, id: String, title: String, description: String, maximum: Double,
        figure: (ProgrammeComparison.Column, ProgrammeComparison.Figures?) -> (Double?, String)?
    ) -> HTML {
        let bars = model.columns.map { column -> SVGChart.Bar in
            guard let (value, shown) = figure(column, column.report) else {
                return .init(label: column.title, value: nil, shown: "unter \(model.rule.minimumGroupSize) Teilnehmer*innen")
            }
            return .init(label: column.title, value: value, shown: shown)
        }
        return HTML.fragment {
            HTML.h3 { heading }
            SVGChart.bars(id: id, title: title, description: description + " Die Tabelle enthält dieselben Werte.", bars: bars, maximum: maximum).html
        }
    }

    static func transferShare(_ report: ProgrammeComparison.Figures?) -> Double? {
        guard let summary = report?.transfer.summary, let any = summary.withAnyChange, summary.responses > 0 else { return nil }
        return Double(any) * 100 / Double(summary.responses)
    }

    static func transferShown(_ column: ProgrammeComparison.Column) -> String {
        guard let report = column.report else { return "zu klein" }
        let summary = report.transfer.summary
        if report.transfer.opensOn == nil { return "keine Nachbefragung" }
        guard let any = summary.withAnyChange else { return "zu wenige Antworten (\(summary.responses))" }
        return "\(any) von \(summary.responses)"
    }

    private static func row(_ label: String, _ model: ProgrammeComparison, _ cell: @escaping (ProgrammeComparison.Column) -> String) -> HTML {
        .tr {
            HTML.th(.scope("row")) { label }
            model.columns.map { column in HTML.td(.class("number")) { cell(column) } }
        }
    }

    private static func change(_ model: ProgrammeComparison) -> HTML {
        let shown = model.shown
        let sections = model.areas.map { area in
            ForestPlot.Section(
                heading: area.title,
                rows: shown.map { column, report in
                    let row = report.change.first { $0.area.id == area.id }
                    return ForestPlot.Row(label: column.title, pairs: row?.pairs ?? 0, change: row?.change)
                })
        }
        return .section(.ariaLabelledBy("veraenderung")) {
            HTML.h2(.id("veraenderung")) { "Veränderung je Kompetenzfeld" }
            ForestPlot.chart(
                id: "veraenderung-durchlaeufe", title: "Veränderung je Kompetenzfeld und Durchlauf mit 95-%-Intervall", sections: sections, rule: model.rule,
                description: "Je Kompetenzfeld eine Zeile je Durchlauf: mittlere Veränderung der gepaarten Selbsteinschätzung mit 95-%-Konfidenzintervall, "
                    + "senkrechte Linie bei null."
            ).html
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Kompetenzfeld"] + shown.map(\.column.title)) }
                    HTML.tbody {
                        model.areas.map { area in
                            HTML.tr {
                                HTML.th(.scope("row")) { area.title }
                                shown.map { _, report in
                                    HTML.td(.class("number")) { NeedTraceView.changeText(report.change.first { $0.area.id == area.id }, rule: model.rule) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static func needs(_ model: ProgrammeComparison) -> HTML {
        let shown = model.shown
        return .section(.ariaLabelledBy("bedarfe")) {
            HTML.h2(.id("bedarfe")) { "Bedarfe je Kompetenzfeld" }
            HTML.p(.class("muted")) { "Mittlerer Bedarf (1–5) aus der ersten Selbsteinschätzung jedes Durchlaufs." }
            NeedsHeatmap.chart(
                id: "bedarfe-durchlaeufe", title: "Mittlerer Bedarf je Kompetenzfeld und Durchlauf", areas: model.areas,
                columns: shown.map { NeedsHeatmap.Column(label: $0.column.title, cells: $0.report.needs) }, rule: model.rule
            ).html
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead { TableHeadings.row(["Kompetenzfeld"] + shown.map(\.column.title)) }
                    HTML.tbody {
                        model.areas.map { area in
                            HTML.tr {
                                HTML.th(.scope("row")) { area.title }
                                shown.map { _, report in HTML.td(.class("number")) { EvaluationViews.cell(report.needs[area.id], rule: model.rule) } }
                            }
                        }
                    }
                }
            }
        }
    }
}
