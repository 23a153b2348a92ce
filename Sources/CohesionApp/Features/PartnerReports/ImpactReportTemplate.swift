import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// The impact report as an OpenDocument text with `{{…}}` placeholders, turned into PDF/A by the
/// certificates' pipeline. Text placeholders hold the figures line by line; `DIAGRAMM_…`
/// placeholders become the page's charts, embedded as SVG.
enum ImpactReportTemplate {
    static let placeholders = [
        "PROGRAMM", "DURCHLAUF", "STAND", "UEBERBLICK", "REAKTION", "DIAGRAMM_REAKTION", "LERNEN", "DIAGRAMM_LERNEN", "BEDARFE",
        "DIAGRAMM_BEDARFE", "SPUR", "VERHALTEN", "DIAGRAMM_VERHALTEN", "METHODE",
    ]

    static func values(_ report: ImpactReport, createdOn day: CalendarDay) -> [String: [String]] {
        let rule = report.rule
        var reaction = report.parts.map {
            "\($0.label): Zufriedenheit \(ImpactCharts.satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: rule)); "
                + "Anwesenheit \(ImpactCharts.attendanceShown($0.attendanceRate, records: $0.attendanceRecords))"
        }
        if report.detail == .lead {
            reaction += report.units.filter { $0.attendanceRecords > 0 || $0.surveyResponses > 0 }.map {
                "\($0.label): Zufriedenheit \(ImpactCharts.satisfactionShown($0.satisfaction, responses: $0.surveyResponses, rule: rule)); "
                    + "Anwesenheit \(ImpactCharts.attendanceShown($0.attendanceRate, records: $0.attendanceRecords))"
            }
        }
        let learning =
            report.change.rows.isEmpty
            ? ["Noch keine Einschätzung zu zwei Zeitpunkten."]
            : report.change.rows.map { row in
                guard let change = row.change else { return "\(row.area.title): \(NeedTraceView.changeText(row, rule: rule))" }
                var line =
                    "\(row.area.title): \(ForestPlot.signed(change.meanDifference)) (95 %: \(ForestPlot.range(change.confidenceLow, change.confidenceHigh)); \(change.count) Paare)"
                if let then = change.thenTest {
                    line += "; Then-Test \(ForestPlot.signed(then.mean)) (95 %: \(ForestPlot.range(then.confidenceLow, then.confidenceHigh)))"
                }
                return line
            }
        let needs = report.needs.areas.map { area in
            "\(area.title): " + EvaluationViews.cell(report.needs.overall[area.id], rule: rule)
        }
        let trace =
            report.trace.rows.isEmpty
            ? ["Kein Kompetenzfeld mit starkem Bedarf."]
            : report.trace.rows.map {
                "\($0.area.title) (starker Bedarf \($0.strongNeed), aus „\($0.suggestedFrom)“): \(NeedTraceView.decisionText($0.decision)); "
                    + "Veränderung danach \(NeedTraceView.changeText($0.change, rule: rule))"
            }
        let summary = report.transfer.summary
        var behaviour = [ImpactReportText.transferIntro(report)]
        if summary.isShown {
            behaviour += summary.changes.map { "\($0.label): \($0.count) von \(summary.responses)" }
            behaviour += summary.helped.map { "Geholfen – \($0.label): \($0.count)" }
            behaviour += summary.hindered.map { "Behindert – \($0.label): \($0.count)" }
        }
        behaviour +=
            summary.outcomes.map { outcomes in outcomes.map { "Praxisprojekte \($0.label): \($0.count) von \(summary.projects)" } }
            ?? ["Praxisprojekte: \(summary.projects), zu wenige, um ihren Stand zu zeigen."]
        return [
            "PROGRAMM": [report.programmeTitle],
            "DURCHLAUF": [report.editionTitle],
            "STAND": [
                "Erstellt am \(BerlinTime.longDate(day)) mit Cohesion"
                    + (report.detail == .lead ? " (Fassung der Programmleitung)" : " (Fassung für Partner)")
            ],
            "UEBERBLICK": ["\(report.members) Teilnehmer*innen, \(report.certificates) mit Abschlussbescheinigung."],
            "REAKTION": reaction.isEmpty ? ["Noch keine Teile."] : reaction,
            "LERNEN": learning,
            "BEDARFE": needs,
            "SPUR": trace,
            "VERHALTEN": behaviour,
            "METHODE": ImpactReportText.method(report),
        ]
    }

    /// The charts, 16 cm wide, as the page draws them.
    static func pictures(_ report: ImpactReport) -> [String: String] {
        func frame(_ chart: SVGChart) -> String {
            CertificateTemplate.svgFrame(
                chart.document, name: chart.id, title: chart.title, widthCm: 16, heightCm: 16 * Double(chart.height) / Double(SVGChart.width))
        }
        let summary = report.transfer.summary
        return [
            "DIAGRAMM_REAKTION": frame(ImpactCharts.satisfactionByPart(report)),
            "DIAGRAMM_LERNEN": report.change.rows.isEmpty ? "" : frame(EvaluationViews.changeChart(report.change)),
            "DIAGRAMM_BEDARFE": report.needs.phase == nil
                ? "" : frame(EvaluationViews.needsChart(report.needs, split: EvaluationViews.onlyHiddenGroups(report.needs) == nil)),
            "DIAGRAMM_VERHALTEN": summary.isShown
                ? frame(ImpactCharts.counts(summary.changes, of: summary.responses, id: "transfer", title: "Was sich in den Kommunen verändert hat")) : "",
        ]
    }

    /// "Ebene" heads a Kirkpatrick level; the charts stand in their own paragraphs.
    static let fodt = ShippedDocument.a4(
        styles: """
            <style:style style:name="Ebene" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12.5pt" fo:font-weight="bold"/></style:style>
            """,
        body: """
            <text:p text:style-name="Klein">{{PROGRAMM}}</text:p>
            <text:p text:style-name="Titel">Wirkungsbericht: {{DURCHLAUF}}</text:p>
            <text:p text:style-name="Klein">{{STAND}}</text:p>
            <text:p>{{UEBERBLICK}}</text:p>
            <text:p text:style-name="Ebene">Ebene 1 – Reaktion: Zufriedenheit und Teilnahme</text:p>
            <text:p>{{DIAGRAMM_REAKTION}}</text:p>
            <text:p>{{REAKTION}}</text:p>
            <text:p text:style-name="Ebene">Ebene 2 – Lernen: Veränderung der Kompetenzen</text:p>
            <text:p>{{DIAGRAMM_LERNEN}}</text:p>
            <text:p>{{LERNEN}}</text:p>
            <text:p text:style-name="Abschnitt">Bedarfe der Kohorte</text:p>
            <text:p>{{DIAGRAMM_BEDARFE}}</text:p>
            <text:p>{{BEDARFE}}</text:p>
            <text:p text:style-name="Abschnitt">Vom Bedarf zum Curriculum</text:p>
            <text:p>{{SPUR}}</text:p>
            <text:p text:style-name="Ebene">Ebene 3 – Verhalten: Transfer in die Praxis</text:p>
            <text:p>{{DIAGRAMM_VERHALTEN}}</text:p>
            <text:p>{{VERHALTEN}}</text:p>
            <text:p text:style-name="Abschnitt">Zur Methode</text:p>
            <text:p text:style-name="Klein">{{METHODE}}</text:p>
            """)
}

/// The site's own impact-report template, uploaded by the lead; without one the shipped one is used.
final class ImpactReportTemplateRecord: EditableTemplateRecord, @unchecked Sendable {
    static let schema = "impact_report_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: OpenDocumentFile.Format
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}

    static let about = EditableTemplateInfo(
        title: "Vorlage des Wirkungsberichts",
        purpose: "Der Wirkungsbericht eines Durchlaufs als PDF/A entsteht aus einem OpenDocument-Text; die Diagramme setzt Cohesion als Bilder ein.",
        appliesTo: "alle Wirkungsberichte", downloadName: "wirkungsbericht", shipped: ImpactReportTemplate.fodt,
        placeholders: ImpactReportTemplate.placeholders,
        // Which edition, and how the figures are protected: a report without them misleads.
        required: ["DURCHLAUF", "METHODE"],
        requiredNote: "{{DURCHLAUF}} und {{METHODE}} müssen bleiben: Ohne die Angaben zur Methode ließen sich die Zahlen missverstehen.",
        page: .impactReportTemplate, file: .impactReportTemplateFile, reset: .defaultImpactReportTemplate)
}

struct CreateImpactReportTemplate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await EditableTemplateSchema.create(ImpactReportTemplateRecord.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema(ImpactReportTemplateRecord.schema).delete()
    }
}
