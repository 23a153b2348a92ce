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
        let report: ImpactReport?
    }

    let programmeID: UUID
    let programmeTitle: String
    let areas: [AssessmentQueries.Area]
    let columns: [Column]
    let rule: DisclosureRule

    var shown: [(column: Column, report: ImpactReport)] { columns.compactMap { column in column.report.map { (column, $0) } } }
}
