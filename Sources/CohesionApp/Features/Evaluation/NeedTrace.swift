import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// From the cohort's needs to the curriculum: for each strong need, where it came from, what the
/// lead decided (the unit that took it up, or why not), and the change in that area afterwards.
struct NeedTrace: Sendable {
    enum Decision: Sendable, Equatable {
        case open
        /// The unit's current title and part; `gone` when the unit has been deleted since.
        case takenUp(unit: String, part: Int?, gone: Bool, on: Date)
        case dismissed(reason: String, on: Date)
    }

    struct Row: Sendable {
        let area: AssessmentQueries.Area
        /// Sorts the strongest need first, then by the programme's order of areas.
        let order: (Double, Int)
        /// "12 von 20": the strong need as it stands (or stood when the lead decided).
        let strongNeed: String
        let suggestedFrom: String
        let decision: Decision
        let change: ChangeReport.Row?
    }

    struct UnitChoice: Decodable, Sendable { let id: UUID; let title: String; let partNumber: Int }

    let editionID: UUID
    let rows: [Row]
    /// The units the lead may link a need to, in the order of the programme.
    let units: [UnitChoice]
    let rule: DisclosureRule

    private struct DecisionRow: Decodable {
        let competenceAreaID: UUID; let kind: String; let unitID: UUID?; let unitTitle: String; let reason: String
        let suggestedFrom: String; let strongNeed: String; let decidedAt: Date; let currentTitle: String?; let partNumber: Int?
    }

    /// A need counts as strong when at least half rate it 4 or 5 (as the suggestions do), in a
    /// group large enough to show. Areas decided on earlier stay in the trace even if the answers
    /// have moved since: a decision is never hidden.
    static func query(needs: NeedsReport, change: ChangeReport, on db: any SQLDatabase) async throws -> NeedTrace {
        async let decisionRows = db.raw(
            """
            SELECT d.competence_area_id, d.kind, d.unit_id, d.unit_title, d.reason, d.suggested_from, d.strong_need, d.decided_at,
                   u.title AS current_title, p.number AS part_number
            FROM need_decisions d LEFT JOIN units u ON u.id = d.unit_id LEFT JOIN parts p ON p.id = u.part_id
            WHERE d.edition_id = \(bind: needs.editionID)
            """
        ).all(decoding: DecisionRow.self, with: .snakeCaseColumns)
        async let units = db.raw(
            """
            SELECT u.id, u.title, p.number AS part_number FROM units u JOIN parts p ON p.id = u.part_id
            WHERE p.edition_id = \(bind: needs.editionID) ORDER BY p.starts_on, u.starts_at, u.title
            """
        ).all(decoding: UnitChoice.self, with: .snakeCaseColumns)
        let decisions = Dictionary(try await decisionRows.map { ($0.competenceAreaID, $0) }, uniquingKeysWith: { first, _ in first })
        let changes = Dictionary(change.rows.map { ($0.area.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [Row] = needs.areas.enumerated().compactMap { position, area in
            let summary = needs.summaries[area.id].flatMap { strong($0, rule: needs.rule) ? $0 : nil }
            let decided = decisions[area.id]
            guard summary != nil || decided != nil else { return nil }
            let decision: Decision =
                switch decided.flatMap({ NeedDecision.Kind(rawValue: $0.kind) }) {
                case .takenUp?:
                    .takenUp(
                        unit: decided?.currentTitle ?? decided?.unitTitle ?? "", part: decided?.partNumber,
                        gone: decided?.currentTitle == nil, on: decided?.decidedAt ?? Date())
                case .dismissed?: .dismissed(reason: decided?.reason ?? "", on: decided?.decidedAt ?? Date())
                case nil: .open
                }
            return Row(
                area: area, order: (-(summary.map { Double($0.strong) / Double($0.respondents) } ?? 0), position),
                strongNeed: decided?.strongNeed ?? summary.map(strongText) ?? "",
                suggestedFrom: decided?.suggestedFrom ?? needs.phase?.label ?? "", decision: decision, change: changes[area.id])
        }
        // The strongest need first; areas in the programme's order among equals.
        return NeedTrace(editionID: needs.editionID, rows: rows.sorted { $0.order < $1.order }, units: try await units, rule: needs.rule)
    }

    static func strong(_ summary: NeedsAnalysis.AreaSummary, rule: DisclosureRule) -> Bool {
        rule.mayShow(groupOf: summary.respondents) && summary.strong > 0 && summary.strong * 2 >= summary.respondents
    }

    static func strongText(_ summary: NeedsAnalysis.AreaSummary) -> String {
        "\(summary.strong) von \(summary.respondents)"
    }
}
