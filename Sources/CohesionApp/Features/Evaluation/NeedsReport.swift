import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The needs page: map by context, coverage by the parts' units, suggestions for the next part.
struct NeedsReport: Sendable {
    struct PartColumn: Sendable { let id: UUID; let label: String }

    let editionID: UUID
    let editionTitle: String
    let phases: [PhaseSummary]
    let phase: PhaseSummary?
    let dimension: ContextDimension
    let areas: [AssessmentQueries.Area]
    let groups: [String]
    let respondents: Int
    let map: [UUID: [String: NeedsAnalysis.Cell]]
    let overall: [UUID: NeedsAnalysis.Cell]
    let parts: [PartColumn]
    /// `coverage[areaID][partID]`: units of the part that address the area.
    let coverage: [UUID: [UUID: Int]]
    let summaries: [UUID: NeedsAnalysis.AreaSummary]
    let targetPart: PartColumn?
    let suggestions: [NeedsAnalysis.Suggestion]
    let rule: DisclosureRule

    private struct PartRow: Decodable { let id: UUID; let number: Int; let title: String; let startsOn: CalendarDay }
    private struct CoverageRow: Decodable { let partID: UUID; let competenceAreaID: UUID; let units: Int }

    static func query(
        editionID: UUID, editionTitle: String, phaseID: UUID?, dimension: ContextDimension, today: CalendarDay,
        rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> NeedsReport {
        let phases = try await AssessmentQueries.phases(editionID: editionID, cache: cache, on: db).filter { $0.respondents > 0 }
        let phase = phases.first { $0.id == phaseID } ?? phases.first
        async let areas = AssessmentQueries.areas(editionID: editionID, on: db)
        async let partRows = db.raw(
            """
            SELECT id, number, title, starts_on FROM parts WHERE edition_id = \(bind: editionID) ORDER BY starts_on
            """
        ).all(decoding: PartRow.self, with: .snakeCaseColumns)
        async let coverageRows = db.raw(
            """
            SELECT u.part_id, uc.competence_area_id, COUNT(*) AS units FROM unit_competence_areas uc
            JOIN units u ON u.id = uc.unit_id JOIN parts p ON p.id = u.part_id
            WHERE p.edition_id = \(bind: editionID) GROUP BY u.part_id, uc.competence_area_id
            """
        ).all(decoding: CoverageRow.self, with: .snakeCaseColumns)
        let split = try await phase.asyncFlatMap { try await EvaluationData.needs(phaseID: $0.id, by: dimension, cache: cache, on: db) } ?? []
        let map = NeedsAnalysis.map(
            split.map { NeedsAnalysis.Tally(area: $0.area, group: $0.group, count: $0.answers, needSum: $0.needSum) },
            rule: rule)
        // The whole cohort is the groups added up: no second query.
        let overall = NeedsAnalysis.map(
            split.map { NeedsAnalysis.Tally(area: $0.area, group: "alle", count: $0.answers, needSum: $0.needSum) },
            rule: rule
        ).compactMapValues { $0["alle"] }
        var totals: [UUID: (answers: Int, needSum: Int, strong: Int)] = [:]
        for tally in split {
            let total = totals[tally.area] ?? (0, 0, 0)
            totals[tally.area] = (total.answers + tally.answers, total.needSum + tally.needSum, total.strong + tally.strong)
        }
        let partList = try await partRows
        let parts = partList.map { PartColumn(id: $0.id, label: "Teil \($0.number)") }
        // The next part to plan: the first that has not begun, else the last one.
        let target = partList.first { $0.startsOn > today } ?? partList.last
        var coverage: [UUID: [UUID: Int]] = [:]
        for row in try await coverageRows { coverage[row.competenceAreaID, default: [:]][row.partID] = row.units }
        var summaries: [UUID: NeedsAnalysis.AreaSummary] = [:]
        for area in try await areas {
            guard let tally = totals[area.id], tally.answers > 0 else { continue }
            summaries[area.id] = NeedsAnalysis.AreaSummary(
                area: area.id, title: area.title, respondents: tally.answers, strong: tally.strong,
                meanNeed: Double(tally.needSum) / Double(tally.answers),
                coveringUnits: target.map { coverage[area.id]?[$0.id] ?? 0 } ?? 0)
        }
        let targetColumn = target.map { PartColumn(id: $0.id, label: "Teil \($0.number)") }
        return NeedsReport(
            editionID: editionID, editionTitle: editionTitle, phases: phases, phase: phase, dimension: dimension, areas: try await areas,
            groups: Set(split.map(\.group)).sorted(), respondents: phase?.respondents ?? 0, map: map, overall: overall,
            parts: parts, coverage: coverage, summaries: summaries, targetPart: targetColumn,
            suggestions: NeedsAnalysis.suggestions(Array(summaries.values), partLabel: targetColumn?.label ?? "dem nächsten Teil", rule: rule),
            rule: rule)
    }
}
