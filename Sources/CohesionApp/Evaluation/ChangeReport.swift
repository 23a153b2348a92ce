import Foundation
import SQLKit
import CohesionCore

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

    static func query(editionID: UUID, editionTitle: String, dimension: ContextDimension? = nil, rule: DisclosureRule,
                      on db: any SQLDatabase) async throws -> ChangeReport {
        let phases = try await AssessmentQueries.phases(editionID: editionID, on: db).filter { $0.respondents > 0 }
        let before = phases.first { $0.code == AssessmentPhaseKind.pre.code } ?? phases.first
        let after = phases.last { $0.code == AssessmentPhaseKind.post.code } ?? phases.last
        let areas = try await AssessmentQueries.areas(editionID: editionID, on: db)
        guard let before, let after, before.id != after.id else {
            return ChangeReport(editionID: editionID, editionTitle: editionTitle, before: before, after: after, dimension: dimension,
                                rows: [], rule: rule)
        }
        async let everyone = EvaluationData.change(before: before.id, after: after.id, by: nil, on: db)
        async let split = dimension.asyncFlatMap { try await EvaluationData.change(before: before.id, after: after.id, by: $0, on: db) }
        let totals = try await everyone
        let groups = try await split
        let rows = areas.map { area in
            let sums = totals.filter { $0.area == area.id }.reduce(PairedChange.Sums()) { $0 + $1.sums }
            return Row(area: area, pairs: sums.count, change: rule.mayShow(groupOf: sums.count) ? PairedChange(sums: sums) : nil,
                       groups: groups.map { Self.split($0.filter { $0.area == area.id }, rule: rule) } ?? [])
        }
        return ChangeReport(editionID: editionID, editionTitle: editionTitle, before: before, after: after, dimension: dimension,
                            rows: rows, rule: rule)
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
