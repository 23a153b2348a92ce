import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// The charts say what the core computes: each chart's marks carry their figure in a title, and
/// those figures, the table beside and the core's own computation from the raw answers agree.
@Suite("Impact charts and their figures")
struct ImpactChartTests {
    /// Each `<g>` of a page's charts: its title and what it draws.
    static func marks(_ page: String) -> [(title: String, body: String)] {
        page.components(separatedBy: "<g><title>").dropFirst().compactMap { piece in
            guard let end = piece.range(of: "</title>"), let close = piece.range(of: "</g>") else { return nil }
            return (String(piece[..<end.lowerBound]), String(piece[end.upperBound..<close.lowerBound]))
        }
    }

    /// "3,4" as drawn text: a figure with a decimal comma.
    static func drawsFigure(_ body: String) -> Bool {
        body.range(of: #">[−+-]?\d+,\d+"#, options: .regularExpression) != nil
    }

    private struct NeedRow: Decodable { let area: UUID; let need: Int; let embedding: String? }
    private struct SurveyRow: Decodable { let id: UUID; let partNumber: Int; let partTitle: String; let unitTitle: String?; let responses: Int }
    private struct ScaleRow: Decodable { let surveyID: UUID; let value: String }
    private struct AttendanceRow: Decodable { let title: String; let partNumber: Int; let records: Int; let present: Int }
    private struct PairRow: Decodable { let area: UUID; let before: Int; let after: Int; let retro: Int? }

    @Test("the needs heatmap draws the core's mean per area and group; a hidden cell is hatched, labelled and never drawn with a value")
    func heatmap() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var config = app.cohesion.config
            config.disclosureMinimum = 4
            app.cohesion.config = config
            let rule = DisclosureRule(minimumGroupSize: 4)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = try await lead.get(SiteURL.needs(.value(fixture.editionID)).path + "?kontext=stelle").text
            let sql = try #require(app.db as? any SQLDatabase)
            let rows = try await sql.raw(
                """
                SELECT sa.competence_area_id AS area, sa.need, p.embedding FROM self_assessments sa
                JOIN assessment_phases ph ON ph.id = sa.phase_id LEFT JOIN profiles p ON p.user_id = sa.user_id
                WHERE ph.edition_id = \(bind: fixture.editionID) AND ph.code = 'pre'
                """
            ).all(decoding: NeedRow.self)
            let group = { (row: NeedRow) in
                ContextDimension.embedding.group(ParticipantContext(kind: nil, population: nil, embedding: row.embedding, foreignShare: nil))
            }
            let split = NeedsAnalysis.map(rows.map { NeedsAnalysis.Tally(area: $0.area, group: group($0), count: 1, needSum: $0.need) }, rule: rule)
            let whole = NeedsAnalysis.map(rows.map { NeedsAnalysis.Tally(area: $0.area, group: "Alle", count: 1, needSum: $0.need) }, rule: rule)
            let areas = try await CompetenceArea.query(on: app.db).all()
            let marks = Self.marks(page)
            var hiddenSeen = 0
            for area in areas {
                let areaID = try area.requireID()
                for (label, cell) in (split[areaID] ?? [:]).merging(whole[areaID] ?? [:], uniquingKeysWith: { first, _ in first }) {
                    let mark = try #require(marks.first { $0.title.hasPrefix("\(area.title), \(label): ") }, "\(area.title), \(label)")
                    if let mean = cell.meanNeed {
                        #expect(mark.title == "\(area.title), \(label): mittlerer Bedarf \(germanDecimal(mean)) (\(cell.count) Antworten)")
                        #expect(mark.body.contains(">\(germanDecimal(mean))</text>") && mark.body.contains(">n = \(cell.count)</text>"))
                    } else {
                        hiddenSeen += 1
                        #expect(mark.title.contains("zu wenige") || mark.title.contains("verborgen"))
                        #expect(mark.body.contains("url(#bedarfskarte-diagramm-verborgen)"), "hatched")
                        #expect(!Self.drawsFigure(mark.body), "a hidden cell draws no value: \(mark.body)")
                    }
                }
                let overall = try #require(whole[areaID]?["Alle"]?.meanNeed)
                #expect(page.contains("<th scope=\"row\">\(area.title)</th><td class=\"number\">\(germanDecimal(overall)) (10)</td>"), "the table beside")
            }
            #expect(hiddenSeen == 2 * areas.count, "two groups of three are too few in every area")
        }
    }

    @Test("the forest plot draws the core's paired change and then-test change with their intervals, largest first; hidden rows draw nothing")
    func forestPlot() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = try await lead.get(SiteURL.change(.value(fixture.editionID)).path).text
            let sql = try #require(app.db as? any SQLDatabase)
            let pairs = try await sql.raw(
                """
                SELECT a.competence_area_id AS area, b.level AS before, a.level AS after, a.retrospective_level AS retro
                FROM self_assessments a JOIN self_assessments b ON b.user_id = a.user_id AND b.competence_area_id = a.competence_area_id
                JOIN assessment_phases pa ON pa.id = a.phase_id JOIN assessment_phases pb ON pb.id = b.phase_id
                WHERE pa.edition_id = \(bind: fixture.editionID) AND pb.edition_id = \(bind: fixture.editionID) AND pa.code = 'post' AND pb.code = 'pre'
                """
            ).all(decoding: PairRow.self)
            let areas = try await CompetenceArea.query(on: app.db).all()
            var expected: [(title: String, mean: Double)] = []
            for area in areas {
                let own = pairs.filter { $0.area == area.id }
                let change = try #require(PairedChange(pairs: own.map { (Double($0.before), Double($0.after)) }))
                let then = try #require(PairedChange(pairs: own.map { (Double($0.retro ?? 0), Double($0.after)) }))
                let title =
                    "\(area.title): Veränderung \(ForestPlot.signed(change.meanDifference)), 95-%-Intervall "
                    + "\(ForestPlot.range(change.confidenceLow, change.confidenceHigh)), \(change.count) Paare; Then-Test "
                    + "\(ForestPlot.signed(then.meanDifference)), 95-%-Intervall \(ForestPlot.range(then.confidenceLow, then.confidenceHigh))"
                expected.append((title, change.meanDifference))
                #expect(page.contains(ForestPlot.range(change.confidenceLow, change.confidenceHigh) + "</td>"), "the table beside: \(area.title)")
            }
            let drawn = Self.marks(page).map(\.title).filter { $0.contains(": Veränderung ") }
            #expect(drawn == expected.sorted { $0.mean > $1.mean }.map(\.title), "figures and order")

            var config = app.cohesion.config
            config.disclosureMinimum = 11
            app.cohesion.config = config
            let hidden = Self.marks(try await lead.get(SiteURL.change(.value(fixture.editionID)).path).text)
            #expect(hidden.count == areas.count)
            #expect(hidden.allSatisfy { $0.title.hasSuffix(": zu wenige Paare (10)") && !$0.body.contains("<rect") && !$0.body.contains("<path") })
        }
    }

    @Test(
        "the report's bars draw satisfaction per part and unit with their responses and attendance per unit as counted from the answers; a small survey is hatched"
    )
    func reactionBars() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            let marks = Self.marks(try await partner.get(SiteURL.partnerReport(.value(fixture.editionID)).path).text)
            let sql = try #require(app.db as? any SQLDatabase)
            let surveys = try await sql.raw(
                """
                SELECT s.id, p.number AS part_number, p.title AS part_title, u.title AS unit_title,
                       (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses
                FROM surveys s JOIN parts p ON p.id = s.part_id LEFT JOIN units u ON u.id = s.unit_id WHERE p.edition_id = \(bind: fixture.editionID)
                """
            ).all(decoding: SurveyRow.self, with: .snakeCaseColumns)
            let scale = try await sql.raw(
                "SELECT q.survey_id, a.value FROM survey_questions q JOIN survey_answers a ON a.question_id = q.id WHERE q.kind = 'scale'"
            ).all(decoding: ScaleRow.self, with: .snakeCaseColumns)
            /// Mean of the scale answers of the surveys with at least five responses, and those responses.
            func satisfaction(_ chosen: [SurveyRow]) -> String {
                let counted = chosen.filter { $0.responses >= 5 }
                let values = scale.filter { answer in counted.contains { $0.id == answer.surveyID } }.compactMap { Double($0.value) }
                if values.isEmpty { return chosen.isEmpty ? "keine Rückmeldungen" : "zu wenige (\(chosen.map(\.responses).reduce(0, +)))" }
                return germanDecimal(values.reduce(0, +) / Double(values.count)) + " (n = \(counted.map(\.responses).reduce(0, +)))"
            }
            let part = surveys.filter { $0.partNumber == 2 }
            #expect(marks.contains { $0.title == "Teil 2: \(part[0].partTitle): \(satisfaction(part))" }, "\(satisfaction(part))")
            for survey in surveys where survey.unitTitle != nil {
                let label = "Teil 2: \(survey.unitTitle ?? ""): \(satisfaction([survey]))"
                let mark = try #require(marks.first { $0.title == label }, "\(label)")
                #expect(
                    Self.drawsFigure(mark.body) == (survey.responses >= 5),
                    "a survey of \(survey.responses) draws \(survey.responses >= 5 ? "its mean" : "no figure")")
            }
            #expect(marks.contains { $0.title.hasSuffix(": zu wenige (3)") && $0.body.contains("url(#zufriedenheit-einheiten-verborgen)") })
            let attendance = try await sql.raw(
                """
                SELECT u.title, p.number AS part_number, COUNT(*) AS records,
                       CAST(SUM(CASE WHEN a.status = 'present' THEN 1 ELSE 0 END) AS BIGINT) AS present
                FROM attendances a JOIN units u ON u.id = a.unit_id JOIN parts p ON p.id = u.part_id
                WHERE p.edition_id = \(bind: fixture.editionID) GROUP BY u.id, u.title, p.number
                """
            ).all(decoding: AttendanceRow.self, with: .snakeCaseColumns)
            #expect(!attendance.isEmpty)
            for unit in attendance {
                let shown = germanDecimal(Double(unit.present) * 100 / Double(unit.records), digits: 0) + " % (n = \(unit.records))"
                #expect(marks.contains { $0.title == "Teil \(unit.partNumber): \(unit.title): \(shown)" }, "\(unit.title): \(shown)")
            }
        }
    }
}
