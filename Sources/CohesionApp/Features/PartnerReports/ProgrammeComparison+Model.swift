import CohesionCore
import CohesionPlatform
import Foundation

/// A programme's editions side by side (the programme runs again each year): participants,
/// completion, satisfaction, change and needs per area, transfer. Each edition's figures are its
/// impact report at the partner's level, so every cell keeps the report's hiding; an edition
/// with fewer members than the threshold shows nothing at all.
struct ProgrammeComparison: Sendable {
    struct Column: Sendable {
        let editionID: UUID
        let title: String
        let members: Int
        /// Nil when the edition is too small to show.
        let report: Figures?
    }

    /// What the comparison shows of an edition, as its impact report at the partner's level has it.
    struct Figures: Sendable {
        let members: Int
        let certificates: Int
        let satisfaction: Double?
        let surveyResponses: Int
        /// The whole cohort's change per area.
        let change: [ChangeReport.Row]
        /// The whole cohort's need per area in the edition's first answered phase.
        let needs: [UUID: NeedsAnalysis.Cell]
        let transfer: TransferReport
    }

    let programmeID: UUID
    let programmeTitle: String
    let areas: [AssessmentQueries.Area]
    let columns: [Column]
    let rule: DisclosureRule

    var shown: [(column: Column, report: Figures)] { columns.compactMap { column in column.report.map { (column, $0) } } }
}
