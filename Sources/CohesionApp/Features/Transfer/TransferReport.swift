import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// An edition's transfer into practice: the follow-up's answers counted and the practice
/// projects by outcome, each hidden below the threshold.
struct TransferReport: Sendable {
    let opensOn: CalendarDay?
    let closesOn: CalendarDay?
    let members: Int
    let summary: TransferSummary

    private struct PhaseRow: Decodable { let id: UUID; let opensOn: String; let closesOn: String }
    private struct AnswerRow: Decodable { let areasUsed: String; let changes: String; let helped: String; let hindered: String }
    private struct OutcomeRow: Decodable { let outcome: String? }
    private struct CountRow: Decodable { let members: Int }

    static func query(editionID: UUID, areas: [AssessmentQueries.Area], rule: DisclosureRule, on db: any SQLDatabase) async throws -> TransferReport {
        async let phase = db.raw("SELECT id, opens_on, closes_on FROM follow_up_phases WHERE edition_id = \(bind: editionID)")
            .first(decoding: PhaseRow.self, with: .snakeCaseColumns)
        async let outcomes = db.raw(
            """
            SELECT pp.outcome FROM practice_projects pp JOIN parts p ON p.id = pp.part_id WHERE p.edition_id = \(bind: editionID)
            """
        ).all(decoding: OutcomeRow.self)
        async let members = db.raw("SELECT COUNT(*) AS members FROM edition_members WHERE edition_id = \(bind: editionID)")
            .first(decoding: CountRow.self)
        let found = try await phase
        let answers =
            try await found.asyncFlatMap { phase in
                try await db.raw("SELECT areas_used, changes, helped, hindered FROM follow_up_responses WHERE phase_id = \(bind: phase.id)")
                    .all(decoding: AnswerRow.self, with: .snakeCaseColumns)
            } ?? []
        func codes(_ list: String) -> Set<String> { Set(list.split(separator: ",").map(String.init)) }
        let summary = TransferSummary(
            answers: answers.map {
                TransferAnswer(areasUsed: codes($0.areasUsed), changes: codes($0.changes), helped: codes($0.helped), hindered: codes($0.hindered))
            },
            areas: areas.map { TransferOption.Choice(code: $0.id.uuidString.lowercased(), label: $0.title) },
            outcomes: try await outcomes.map { $0.outcome.flatMap(ProjectOutcome.init(rawValue:)) }, rule: rule)
        return TransferReport(
            opensOn: found.flatMap { CalendarDay(iso: $0.opensOn) }, closesOn: found.flatMap { CalendarDay(iso: $0.closesOn) },
            members: try await members?.members ?? 0, summary: summary)
    }
}
