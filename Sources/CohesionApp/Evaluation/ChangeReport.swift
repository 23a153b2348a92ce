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
        async let first = EvaluationData.query(phaseID: before.id, on: db)
        async let second = EvaluationData.query(phaseID: after.id, on: db)
        let earlier = Dictionary(try await first.ratings.map { ("\($0.person)|\($0.area)", $0.level) }, uniquingKeysWith: { a, _ in a })
        let later = try await second
        let rows = areas.map { area in
            let pairs = later.ratings.filter { $0.area == area.id }.compactMap { rating in
                earlier["\(rating.person)|\(area.id)"].map {
                    (person: rating.person, pair: (before: Double($0), after: Double(rating.level)))
                }
            }
            return Row(area: area, pairs: pairs.count,
                       change: rule.mayShow(groupOf: pairs.count) ? PairedChange(pairs: pairs.map(\.pair)) : nil,
                       groups: dimension.map { dimension in
                           split(pairs, by: { dimension.group(later.contexts[$0]) }, rule: rule)
                       } ?? [])
        }
        return ChangeReport(editionID: editionID, editionTitle: editionTitle, before: before, after: after, dimension: dimension,
                            rows: rows, rule: rule)
    }

    /// The whole cohort's row is shown beside the groups, so groups are hidden as a set
    /// (`DisclosureRule.hiddenGroups`), not one by one.
    private static func split(_ pairs: [(person: UUID, pair: (before: Double, after: Double))], by group: (UUID) -> String,
                              rule: DisclosureRule) -> [GroupRow] {
        let grouped = Dictionary(grouping: pairs) { group($0.person) }
        let hidden = rule.hiddenGroups(grouped.mapValues(\.count))
        return grouped.keys.sorted().map { name in
            let members = grouped[name] ?? []
            return GroupRow(group: name, pairs: members.count,
                            change: hidden.contains(name) ? nil : PairedChange(pairs: members.map(\.pair)))
        }
    }
}
