import CohesionCore
import CohesionPlatform
import Foundation

enum EvaluationViews {
    static func needs(_ report: NeedsReport, trace: NeedTrace, entry: NeedTraceView.Entry?, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            breadcrumb(report.editionID, report.editionTitle, frame: frame)
            HTML.h1 { "Bedarfe der Kohorte" }
            HTML.p(.class("lead")) {
                "Aus der Selbsteinschätzung: wie sehr die Teilnehmer*innen ein Kompetenzfeld in ihrer Arbeit brauchen (1–5). "
                "Gruppen unter \(report.rule.minimumGroupSize) Personen zeigen keinen Wert („zu wenige“), ebenso Gruppen, "
                "deren Wert sich sonst aus „Alle“ und den übrigen Gruppen errechnen ließe („verborgen“)."
            }
            HTML.p(.class("no-print")) {
                HTML.a(.href(SiteURL.cohortNetworks(.value(report.editionID)).path)) { "Netzwerke der Kohorte: Abdeckung neben dem Bedarf" }
            }
            if frame.visitor.user?.role.canEditStructure == true {
                HTML.p(.class("no-print")) {
                    HTML.a(.href(SiteURL.aggregatesExport(.value(report.editionID)).path)) { "Zusammenfassung als Tabelle (CSV)" }
                    " · "
                    HTML.a(.href(SiteURL.researchExport(.value(report.editionID)).path)) { "Forschungsdaten mit Pseudonymen (CSV)" }
                }
            }
            if report.phase == nil {
                HTML.p { "Noch hat niemand eine Selbsteinschätzung abgegeben." }
            } else {
                choose(report)
                suggestions(report)
                needsMap(report)
                coverage(report)
                NeedTraceView.section(trace, editable: entry, visitor: frame.visitor)
            }
        }
    }

    /// The lead goes back to the edition; a facilitator, who has no admin pages, to Mein Programm.
    /// Shared by the needs, change and feedback pages; `then` adds one more step.
    static func breadcrumb(_ editionID: UUID, _ title: String, frame: PageFrame, then: (label: String, path: String)? = nil) -> HTML {
        .p(.class("muted")) {
            if frame.visitor.user?.role.canEditStructure == true {
                HTML.a(.href(AdminURL.overview.path)) { "Verwaltung" }
                " · "
                HTML.a(.href(AdminURL.edition(.value(editionID)).path)) { title }
            } else {
                HTML.a(.href(SiteURL.myProgramme.path)) { "Mein Programm" }
                " · " + title
            }
            if let then {
                " · "
                HTML.a(.href(then.path)) { then.label }
            }
        }
    }

    private static func choose(_ report: NeedsReport) -> HTML {
        var values = FormValues()
        values["zeitpunkt"] = report.phase?.id.uuidString ?? ""
        values["kontext"] = report.dimension.rawValue
        return .form(.method("get"), .action(SiteURL.needs(.value(report.editionID)).path), .class("filters"), .ariaLabel("Auswahl")) {
            HTML.div(.class("filters__fields")) {
                Form.fields(
                    [
                        FieldSpec(
                            name: "zeitpunkt", label: "Zeitpunkt",
                            kind: .select(report.phases.map { .init(value: $0.id.uuidString, label: $0.label) }, emptyLabel: nil)),
                        FieldSpec(
                            name: "kontext", label: "Aufteilen nach",
                            kind: .select(ContextDimension.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: nil)),
                    ], values: values, errors: FieldErrors())
            }
            HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anzeigen" } }
        }
    }

    private static func suggestions(_ report: NeedsReport) -> HTML {
        .section(.ariaLabelledBy("vorschlaege")) {
            HTML.h2(.id("vorschlaege")) { "Vorschläge für " + (report.targetPart?.label ?? "den nächsten Teil") }
            if report.suggestions.isEmpty {
                HTML.p { "Die geplanten Einheiten passen zu den Bedarfen; keine Vorschläge." }
            } else {
                HTML.ul { report.suggestions.map { suggestion in HTML.li { suggestion.text } } }
            }
        }
    }

    /// "zu wenige" below the threshold; "verborgen" where the value could be worked out from the others.
    static func cell(_ cell: NeedsAnalysis.Cell?, rule: DisclosureRule) -> String {
        guard let cell else { return "–" }
        guard let mean = cell.meanNeed else { return (rule.mayShow(groupOf: cell.count) ? "verborgen" : "zu wenige") + " (\(cell.count))" }
        return germanDecimal(mean) + " (\(cell.count))"
    }

    private static func needsMap(_ report: NeedsReport) -> HTML {
        .section(.ariaLabelledBy("bedarfskarte")) {
            HTML.h2(.id("bedarfskarte")) { "Bedarf nach " + report.dimension.label }
            HTML.p(.class("muted")) { "Mittlerer Bedarf (Anzahl der Antworten); \(report.respondents) Personen haben geantwortet." }
            if let why = onlyHiddenGroups(report) {
                HTML.p(.class("status-box")) { why }
                needsChart(report, split: false).html
                needsTable(report, split: false)
            } else {
                needsChart(report, split: true).html
                needsTable(report, split: true)
            }
        }
    }

    /// One sentence instead of a table of hidden cells, when every group of the split is hidden.
    static func onlyHiddenGroups(_ report: NeedsReport) -> String? {
        let cells = report.map.values.flatMap(\.values)
        guard !cells.isEmpty, cells.allSatisfy({ $0.meanNeed == nil }) else { return nil }
        return "Nach \(report.dimension.label) aufgeteilt bliebe jede Gruppe verborgen: Jede hat weniger als "
            + "\(report.rule.minimumGroupSize) Antworten oder ließe sich aus den übrigen errechnen. Gezeigt wird die ganze Kohorte."
    }

    /// The heatmap of the needs: the whole cohort, and each group when `split`.
    static func needsChart(_ report: NeedsReport, split: Bool, id: String = "bedarfskarte-diagramm") -> SVGChart {
        var columns = [NeedsHeatmap.Column(label: "Alle", cells: report.overall)]
        if split {
            for group in report.groups {
                columns.append(NeedsHeatmap.Column(label: group, cells: report.map.compactMapValues { $0[group] }))
            }
        }
        return NeedsHeatmap.chart(
            id: id, title: "Mittlerer Bedarf je Kompetenzfeld" + (split ? " nach " + report.dimension.label : ""),
            areas: report.areas, columns: columns, rule: report.rule)
    }

    /// Mean need per area and context group; shared with the partner report.
    static func needsTable(_ report: NeedsReport, split: Bool = true) -> HTML {
        let groups = split ? report.groups : []
        return .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead {
                    HTML.tr {
                        HTML.th(.scope("col")) { "Kompetenzfeld" }
                        TableHeadings.heading("Alle", numeric: true)
                        groups.map { group in TableHeadings.heading(group, numeric: true) }
                    }
                }
                HTML.tbody {
                    report.areas.map { area in
                        HTML.tr {
                            HTML.th(.scope("row")) { area.title }
                            HTML.td(.class("number")) { cell(report.overall[area.id], rule: report.rule) }
                            groups.map { group in HTML.td(.class("number")) { cell(report.map[area.id]?[group], rule: report.rule) } }
                        }
                    }
                }
            }
        }
    }

    private static func coverage(_ report: NeedsReport) -> HTML {
        .section(.ariaLabelledBy("abdeckung")) {
            HTML.h2(.id("abdeckung")) { "Abdeckung durch die Einheiten" }
            HTML.p(.class("muted")) { "Zahl der Einheiten je Teil, die ein Kompetenzfeld behandeln, neben dem Bedarf." }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        HTML.tr {
                            HTML.th(.scope("col")) { "Kompetenzfeld" }
                            TableHeadings.heading("Starker Bedarf (4–5)", numeric: true)
                            report.parts.map { part in TableHeadings.heading(part.label, numeric: true) }
                        }
                    }
                    HTML.tbody {
                        report.areas.map { area in
                            HTML.tr {
                                HTML.th(.scope("row")) { area.title }
                                HTML.td(.class("number")) {
                                    report.summaries[area.id].map {
                                        report.rule.mayShow(groupOf: $0.respondents) ? "\($0.strong) von \($0.respondents)" : "zu wenige (\($0.respondents))"
                                    } ?? "–"
                                }
                                report.parts.map { part in
                                    HTML.td(.class("number")) { "\(report.coverage[area.id]?[part.id] ?? 0)" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func change(_ report: ChangeReport, frame: PageFrame) -> HTML {
        Layout.page(frame) {
            breadcrumb(report.editionID, report.editionTitle, frame: frame)
            HTML.h1 { "Veränderung vorher – nachher" }
            if let before = report.before, let after = report.after, before.id != after.id {
                HTML.p(.class("lead")) {
                    "Selbsteingeschätzter Stand (1–5) \(before.label) und \(after.label), für alle, die beide Male geantwortet haben. "
                    "Differenz mit 95-%-Konfidenzintervall und Effektstärke d (gepaarte Stichproben). Unter \(report.rule.minimumGroupSize) Paaren wird nichts gezeigt."
                }
                if report.rows.contains(where: { $0.change?.meanRetrospective != nil }) {
                    HTML.p {
                        "„Vorher (rückblickend)“ ist der Anfangsstand, wie die Teilnehmer*innen ihn beim zweiten Mal einschätzen. Liegt er unter "
                        "„Vorher“, sehen sie ihren Anfang heute kritischer (Response Shift): Die Differenz unterschätzt dann eher, was sich verändert hat."
                    }
                }
                chooseSplit(report)
                if let dimension = report.dimension {
                    HTML.p(.class("muted")) {
                        "Aufgeteilt nach \(dimension.label). Eine Gruppe bleibt verborgen, wenn sie weniger als \(report.rule.minimumGroupSize) Paare hat "
                        "oder wenn sich ihr Wert sonst aus der Zeile „Alle“ und den übrigen Gruppen errechnen ließe."
                    }
                    report.rows.map { splitTable($0, dimension: dimension, rule: report.rule) }
                } else {
                    changeChart(report).html
                    changeTable(report, withDetail: true)
                }
            } else {
                HTML.p { "Für einen Vergleich braucht es Antworten zu zwei Zeitpunkten." }
            }
        }
    }

    /// The forest plot of the whole cohort's change per area.
    static func changeChart(_ report: ChangeReport, id: String = "veraenderung-diagramm") -> SVGChart {
        ForestPlot.chart(
            id: id, title: "Veränderung je Kompetenzfeld mit 95-%-Intervall",
            rows: report.rows.map { ForestPlot.Row(label: $0.area.title, pairs: $0.pairs, change: $0.change) }, rule: report.rule)
    }

    /// Before, after, difference and interval per area; `withDetail` adds the pairs and the effect
    /// size. Where the then-test was asked of every pair, its change and interval stand beside.
    static func changeTable(_ report: ChangeReport, withDetail: Bool) -> HTML {
        let thenTest = report.rows.contains { $0.change?.thenTest != nil }
        var headings =
            withDetail
            ? ["Kompetenzfeld", "Paare", "Vorher", "Vorher (rückblickend)", "Nachher", "Differenz", "95-%-Intervall", "d"]
            : ["Kompetenzfeld", "Paare", "Vorher", "Nachher", "Differenz", "95-%-Intervall"]
        if thenTest { headings += ["Then-Test-Differenz", "95-%-Intervall (Then-Test)"] }
        return .div(.class("table-scroll"), .tabindex(0)) {
            HTML.table {
                HTML.thead { TableHeadings.row(headings) }
                HTML.tbody { report.rows.map { changeRow($0, rule: report.rule, withDetail: withDetail, thenTest: thenTest) } }
            }
        }
    }

    private static func chooseSplit(_ report: ChangeReport) -> HTML {
        var values = FormValues()
        values["kontext"] = report.dimension?.rawValue ?? ""
        return .form(.method("get"), .action(SiteURL.change(.value(report.editionID)).path), .class("filters"), .ariaLabel("Aufteilung")) {
            HTML.div(.class("filters__fields")) {
                Form.fields(
                    [
                        FieldSpec(
                            name: "kontext", label: "Aufteilen nach",
                            kind: .select(ContextDimension.allCases.map { .init(value: $0.rawValue, label: $0.label) }, emptyLabel: "nicht aufteilen"))
                    ], values: values, errors: FieldErrors())
            }
            HTML.div(.class("actions")) { HTML.button(.type("submit"), .class("button")) { "Anzeigen" } }
        }
    }

    /// One area split by context: the whole cohort first, then each group.
    private static func splitTable(_ row: ChangeReport.Row, dimension: ContextDimension, rule: DisclosureRule) -> HTML {
        let id = "feld-" + row.area.id.uuidString.lowercased()
        let allHidden = !row.groups.isEmpty && row.groups.allSatisfy { $0.change == nil }
        return .section(.ariaLabelledBy(id)) {
            HTML.h2(.id(id)) { row.area.title }
            HTML.div(.class("table-scroll"), .tabindex(0)) {
                HTML.table {
                    HTML.thead {
                        TableHeadings.row([dimension.label, "Paare", "Vorher", "Vorher (rückblickend)", "Nachher", "Differenz", "95-%-Intervall", "d"])
                    }
                    HTML.tbody {
                        changeRow(label: "Alle", pairs: row.pairs, change: row.change, rule: rule, withDetail: true)
                        if !allHidden {
                            row.groups.map { changeRow(label: $0.group, pairs: $0.pairs, change: $0.change, rule: rule, withDetail: true) }
                        }
                    }
                }
            }
            if allHidden {
                HTML.p(.class("muted")) {
                    "Nach \(dimension.label) aufgeteilt bliebe jede Gruppe verborgen: Jede hat weniger als \(rule.minimumGroupSize) Paare "
                        + "oder ließe sich aus der Zeile „Alle“ und den übrigen errechnen."
                }
            }
        }
    }

    private static func changeRow(_ row: ChangeReport.Row, rule: DisclosureRule, withDetail: Bool, thenTest: Bool) -> HTML {
        changeRow(label: row.area.title, pairs: row.pairs, change: row.change, rule: rule, withDetail: withDetail, thenTest: thenTest)
    }

    private static func changeRow(
        label: String, pairs: Int, change: PairedChange?, rule: DisclosureRule, withDetail: Bool, thenTest: Bool = false
    ) -> HTML {
        .tr {
            HTML.th(.scope("row")) { label }
            HTML.td(.class("number")) { "\(pairs)" }
            if let change {
                HTML.td(.class("number")) { germanDecimal(change.meanBefore) }
                if withDetail { HTML.td(.class("number")) { change.meanRetrospective.map { germanDecimal($0) } ?? "–" } }
                HTML.td(.class("number")) { germanDecimal(change.meanAfter) }
                HTML.td(.class("number")) { ForestPlot.signed(change.meanDifference) }
                HTML.td(.class("number")) { ForestPlot.range(change.confidenceLow, change.confidenceHigh) }
                if withDetail { HTML.td(.class("number")) { change.cohensD.map { germanDecimal($0, digits: 2) } ?? "–" } }
                if thenTest {
                    HTML.td(.class("number")) { change.thenTest.map { ForestPlot.signed($0.mean) } ?? "–" }
                    HTML.td(.class("number")) { change.thenTest.map { ForestPlot.range($0.confidenceLow, $0.confidenceHigh) } ?? "–" }
                }
            } else {
                HTML.td(.class("muted"), .init("colspan", "\((withDetail ? 6 : 4) + (thenTest ? 2 : 0))")) {
                    rule.mayShow(groupOf: pairs) ? "verborgen" : "zu wenige Paare"
                }
            }
        }
    }
}
