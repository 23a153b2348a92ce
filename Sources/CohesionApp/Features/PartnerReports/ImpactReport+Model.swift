import CohesionCore
import CohesionPlatform
import Foundation

/// An edition's impact report after the Kirkpatrick levels: reaction (satisfaction and
/// attendance), learning (change before and after, classic and then-test; needs and how the
/// curriculum answered them), behaviour (transfer into practice and the practice projects).
/// Aggregates only, each hidden below the threshold. Partners read it at the level of `.partner`;
/// the lead reads the same report with more detail (`.lead`).
struct ImpactReport: Sendable {
    enum Detail: Sendable { case partner, lead }

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

    struct UnitLine: Sendable {
        let label: String
        let attendanceRate: Double?
        let attendanceRecords: Int
        /// From the surveys about this unit that reach the threshold; nil without one.
        let satisfaction: Double?
        let surveyResponses: Int
    }

    let editionID: UUID
    let editionTitle: String
    let programmeTitle: String
    let members: Int
    /// Certificates issued and not revoked: those who completed the programme.
    let certificates: Int
    let parts: [PartLine]
    let units: [UnitLine]
    /// Every survey of the edition that reaches the threshold, pooled.
    let satisfaction: Double?
    let surveyResponses: Int
    let needs: NeedsReport
    let change: ChangeReport
    let trace: NeedTrace
    let transfer: TransferReport
    let rule: DisclosureRule
    let detail: Detail
}
