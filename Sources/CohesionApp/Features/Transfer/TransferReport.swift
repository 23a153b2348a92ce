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
        return TransferReport(
            phase: found, answers: answers, outcomes: try await outcomes.map(\.outcome), members: try await members?.members ?? 0,
            areas: areas, rule: rule)
    }

    private init(phase: PhaseRow?, answers: [AnswerRow], outcomes: [String?], members: Int, areas: [AssessmentQueries.Area], rule: DisclosureRule) {
        func codes(_ list: String) -> Set<String> { Set(list.split(separator: ",").map(String.init)) }
        opensOn = phase.flatMap { CalendarDay(iso: $0.opensOn) }
        closesOn = phase.flatMap { CalendarDay(iso: $0.closesOn) }
        self.members = members
        summary = TransferSummary(
            answers: answers.map {
                TransferAnswer(areasUsed: codes($0.areasUsed), changes: codes($0.changes), helped: codes($0.helped), hindered: codes($0.hindered))
            },
            areas: areas.map { TransferOption.Choice(code: $0.id.uuidString.lowercased(), label: $0.title) },
            outcomes: outcomes.map { $0.flatMap(ProjectOutcome.init(rawValue:)) }, rule: rule)
    }

    /// Every edition of a programme in three statements, whatever their number; keyed by edition.
    static func query(
        programmeID: UUID, members: [UUID: Int], areas: [AssessmentQueries.Area], rule: DisclosureRule, on db: any SQLDatabase
    ) async throws -> [UUID: TransferReport] {
        struct EditionPhaseRow: Decodable { let editionID: UUID; let id: UUID; let opensOn: String; let closesOn: String }
        struct EditionAnswerRow: Decodable {
            let editionID: UUID; let areasUsed: String; let changes: String; let helped: String; let hindered: String
        }
        struct EditionOutcomeRow: Decodable { let editionID: UUID; let outcome: String? }
        let inProgramme: SQLQueryString = "IN (SELECT id FROM editions WHERE programme_id = \(bind: programmeID))"
        async let phases = db.raw("SELECT edition_id, id, opens_on, closes_on FROM follow_up_phases WHERE edition_id \(inProgramme)")
            .all(decoding: EditionPhaseRow.self, with: .snakeCaseColumns)
        async let answers = db.raw(
            """
            SELECT ph.edition_id, r.areas_used, r.changes, r.helped, r.hindered FROM follow_up_responses r
            JOIN follow_up_phases ph ON ph.id = r.phase_id WHERE ph.edition_id \(inProgramme)
            """
        ).all(decoding: EditionAnswerRow.self, with: .snakeCaseColumns)
        async let outcomes = db.raw(
            "SELECT p.edition_id, pp.outcome FROM practice_projects pp JOIN parts p ON p.id = pp.part_id WHERE p.edition_id \(inProgramme)"
        ).all(decoding: EditionOutcomeRow.self, with: .snakeCaseColumns)
        let phaseOf = Dictionary(try await phases.map { ($0.editionID, PhaseRow(id: $0.id, opensOn: $0.opensOn, closesOn: $0.closesOn)) }) { first, _ in first }
        let answersOf = Dictionary(grouping: try await answers, by: \.editionID)
        let outcomesOf = Dictionary(grouping: try await outcomes, by: \.editionID)
        var reports: [UUID: TransferReport] = [:]
        for (editionID, count) in members {
            reports[editionID] = TransferReport(
                phase: phaseOf[editionID],
                answers: (answersOf[editionID] ?? []).map {
                    AnswerRow(areasUsed: $0.areasUsed, changes: $0.changes, helped: $0.helped, hindered: $0.hindered)
                },
                outcomes: (outcomesOf[editionID] ?? []).map(\.outcome), members: count, areas: areas, rule: rule)
        }
        return reports
    }
}
