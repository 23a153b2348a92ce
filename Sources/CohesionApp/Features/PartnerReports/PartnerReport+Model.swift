import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The report for partners and funders: aggregates only, each hidden below the threshold.
struct PartnerReport: Sendable {
    struct PartLine: Sendable {
        let label: String
        let registered: Int
        /// Share of recorded attendances marked present; nil below the threshold.
        let attendanceRate: Double?
        let attendanceRecords: Int
        /// Mean of all scale answers in the part's surveys that reach the threshold on their own.
        let satisfaction: Double?
        /// Responses to those surveys.
        let surveyResponses: Int
    }

    let editionID: UUID
    let editionTitle: String
    let programmeTitle: String
    let members: Int
    let parts: [PartLine]
    let needs: NeedsReport
    let change: ChangeReport
    let rule: DisclosureRule
}
