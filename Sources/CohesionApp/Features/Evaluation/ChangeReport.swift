import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The change page: per area, before against after for those who answered both, for the whole
/// cohort and, when asked, per municipal context.
struct ChangeReport: Sendable {
    struct GroupRow: Sendable {
        let group: String
        let pairs: Int
        /// Nil when the group is hidden by the disclosure rule.
        let change: PairedChange?
    }

    struct Row: Sendable {
        let area: AssessmentQueries.Area
        let pairs: Int
        /// Nil when fewer pairs than the threshold (or fewer than two).
        let change: PairedChange?
        /// Empty unless the report is split by a context.
        let groups: [GroupRow]
    }

    let editionID: UUID
    let editionTitle: String
    let before: PhaseSummary?
    let after: PhaseSummary?
    let dimension: ContextDimension?
    let rows: [Row]
    let rule: DisclosureRule

    static func query(
        editionID: UUID, editionTitle: String, dimension: ContextDimension? = nil, rule: DisclosureRule,
        cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> ChangeReport {
        let phases = try await AssessmentQueries.phases(editionID: editionID, cache: cache, on: db)
        let (before, after) = compared(phases)
        let areas = try await AssessmentQueries.areas(editionID: editionID, on: db)
        guard let before, let after, before.id != after.id else {
            return ChangeReport(
                editionID: editionID, editionTitle: editionTitle, before: before, after: after, dimension: dimension,
                rows: [], rule: rule)
        }
        // One query: split by the context when asked; the whole cohort is the groups added up.
        let tallies = try await EvaluationData.change(before: before.id, after: after.id, by: dimension, cache: cache, on: db)
        return ChangeReport(
            editionID: editionID, editionTitle: editionTitle, before: before, after: after, dimension: dimension,
            rows: rows(areas: areas, tallies: tallies, dimension: dimension, rule: rule), rule: rule)
    }

    /// The phases compared among an edition's: the first before and the last after the parts,
    /// else the first and the last answered.
    static func compared(_ phases: [PhaseSummary]) -> (before: PhaseSummary?, after: PhaseSummary?) {
        let answered = phases.filter { $0.respondents > 0 }
        return (
            answered.first { $0.code == AssessmentPhaseKind.pre.code } ?? answered.first,
            answered.last { $0.code == AssessmentPhaseKind.post.code } ?? answered.last
        )
    }

    /// One row per area, each shown from the threshold on.
    static func rows(areas: [AssessmentQueries.Area], tallies: [EvaluationData.ChangeTally], dimension: ContextDimension?, rule: DisclosureRule) -> [Row] {
        areas.map { area in
            let areaTallies = tallies.filter { $0.area == area.id }
            let sums = areaTallies.reduce(PairedChange.Sums()) { $0 + $1.sums }
            return Row(
                area: area, pairs: sums.count, change: rule.mayShow(groupOf: sums.count) ? PairedChange(sums: sums) : nil,
                groups: dimension == nil ? [] : Self.split(areaTallies, rule: rule))
        }
    }

    /// The whole cohort's row is shown beside the groups, so groups are hidden as a set
    /// (`DisclosureRule.hiddenGroups`), not one by one.
    private static func split(_ tallies: [EvaluationData.ChangeTally], rule: DisclosureRule) -> [GroupRow] {
        var sums: [String: PairedChange.Sums] = [:]
        for tally in tallies { sums[tally.group] = (sums[tally.group] ?? PairedChange.Sums()) + tally.sums }
        let hidden = rule.hiddenGroups(sums.mapValues(\.count))
        return sums.keys.sorted().map { name in
            let group = sums[name] ?? PairedChange.Sums()
            return GroupRow(group: name, pairs: group.count, change: hidden.contains(name) ? nil : PairedChange(sums: group))
        }
    }
}
