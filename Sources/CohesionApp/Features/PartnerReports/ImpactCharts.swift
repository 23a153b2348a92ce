import CohesionCore
import CohesionPlatform
import Foundation

/// The impact report's bar charts; the page and the PDF draw the same ones, each with a table
/// of the same figures beside it on the page.
enum ImpactCharts {
    static func satisfactionShown(_ mean: Double?, responses: Int, rule: DisclosureRule) -> String {
        guard let mean else { return responses == 0 ? "keine Rückmeldungen" : "zu wenige (\(responses))" }
        return germanDecimal(mean) + " (n = \(responses))"
    }

    static func attendanceShown(_ rate: Double?, records: Int) -> String {
        guard let rate else { return records == 0 ? "nicht erfasst" : "zu wenige (\(records))" }
        return germanDecimal(rate * 100, digits: 0) + " % (n = \(records))"
    }

    static func satisfactionByPart(_ report: ImpactReport, id: String = "zufriedenheit-teile") -> SVGChart {
        SVGChart.bars(
            id: id, title: "Zufriedenheit je Teil (1–5)",
            description: "Mittelwert aller Skalenfragen der Feedbackbögen je Teil mit der Zahl der Rückmeldungen; "
                + "Bögen unter \(report.rule.minimumGroupSize) Rückmeldungen zählen nicht. Die Tabelle enthält dieselben Werte.",
            bars: report.parts.map {
                .init(
                    label: $0.label, value: $0.satisfaction,
                    shown: satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: report.rule))
            }, maximum: 5)
    }

    /// Units with a survey of their own only: a unit nobody was asked about has no bar.
    static func satisfactionByUnit(_ report: ImpactReport, id: String = "zufriedenheit-einheiten") -> SVGChart {
        SVGChart.bars(
            id: id, title: "Zufriedenheit je Einheit (1–5)",
            description: "Mittelwert der Skalenfragen der Feedbackbögen zu einzelnen Einheiten mit der Zahl der Rückmeldungen. "
                + "Die Tabelle enthält dieselben Werte.",
            bars: surveyedUnits(report).map {
                .init(
                    label: $0.label, value: $0.satisfaction,
                    shown: satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: report.rule))
            }, maximum: 5)
    }

    static func surveyedUnits(_ report: ImpactReport) -> [ImpactReport.UnitLine] {
        report.units.filter { $0.satisfaction != nil || $0.surveyResponses > 0 }
    }

    static func attendanceByUnit(_ report: ImpactReport, id: String = "anwesenheit-einheiten") -> SVGChart {
        SVGChart.bars(
            id: id, title: "Anwesenheit je Einheit",
            description: "Anteil der als anwesend erfassten Personen an allen Erfassungen je Einheit, mit deren Zahl. "
                + "Die Tabelle enthält dieselben Werte.",
            bars: report.units.filter { $0.attendanceRecords > 0 }.map {
                .init(label: $0.label, value: $0.attendanceRate.map { $0 * 100 }, shown: attendanceShown($0.attendanceRate, records: $0.attendanceRecords))
            }, maximum: 100)
    }

    /// How many of the respondents ticked each option.
    static func counts(_ counts: [TransferSummary.Count], of responses: Int, id: String, title: String) -> SVGChart {
        SVGChart.bars(
            id: id, title: title,
            description: "Wie viele der \(responses) Antwortenden eine Möglichkeit angekreuzt haben (mehrere möglich). Die Tabelle enthält dieselben Werte.",
            bars: counts.map { .init(label: $0.label, value: Double($0.count), shown: "\($0.count) von \(responses)") },
            maximum: Double(max(responses, 1)))
    }
}
