import Foundation
import SQLKit
import CohesionCore

/// The report for partners and funders: aggregates only, each hidden below the threshold.
struct PartnerReport: Sendable {
    struct PartLine: Sendable {
        let label: String
        let registered: Int
        /// Share of recorded attendances marked present; nil below the threshold.
        let attendanceRate: Double?
        let attendanceRecords: Int
        /// Mean of all scale answers in the part's surveys; nil below the threshold.
        let satisfaction: Double?
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

    private struct PartRow: Decodable {
        let id: UUID; let number: Int; let title: String; let registered: Int; let records: Int; let present: Int
    }
    private struct SatisfactionRow: Decodable { let part_id: UUID; let responses: Int; let total: Int?; let answers: Int }
    private struct HeaderRow: Decodable { let edition_title: String; let programme_title: String; let members: Int }

    static func query(editionID: UUID, today: CalendarDay, rule: DisclosureRule, on db: any SQLDatabase) async throws -> PartnerReport? {
        guard let header = try await db.raw("""
            SELECT e.title AS edition_title, g.title AS programme_title,
                   (SELECT COUNT(*) FROM edition_members m WHERE m.edition_id = e.id) AS members
            FROM editions e JOIN programmes g ON g.id = e.programme_id WHERE e.id = \(bind: editionID)
            """).first(decoding: HeaderRow.self) else { return nil }
        async let partRows = db.raw("""
            SELECT p.id, p.number, p.title,
                   (SELECT COUNT(*) FROM registrations r WHERE r.part_id = p.id AND r.status = 'registered') AS registered,
                   (SELECT COUNT(*) FROM attendances a JOIN units u ON u.id = a.unit_id WHERE u.part_id = p.id) AS records,
                   (SELECT COUNT(*) FROM attendances a JOIN units u ON u.id = a.unit_id WHERE u.part_id = p.id AND a.status = 'present') AS present
            FROM parts p WHERE p.edition_id = \(bind: editionID) ORDER BY p.starts_on
            """).all(decoding: PartRow.self)
        async let satisfaction = db.raw("""
            SELECT s.part_id, (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses,
                   (SELECT SUM(CAST(a.value AS INTEGER)) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
                    WHERE q.survey_id = s.id AND q.kind = 'scale') AS total,
                   (SELECT COUNT(*) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id
                    WHERE q.survey_id = s.id AND q.kind = 'scale') AS answers
            FROM surveys s JOIN parts p ON p.id = s.part_id WHERE p.edition_id = \(bind: editionID)
            """).all(decoding: SatisfactionRow.self)
        async let needs = NeedsReport.query(editionID: editionID, editionTitle: header.edition_title, phaseID: nil, dimension: .kind,
                                            today: today, rule: rule, on: db)
        async let change = ChangeReport.query(editionID: editionID, editionTitle: header.edition_title, rule: rule, on: db)
        let surveysByPart = Dictionary(grouping: try await satisfaction, by: \.part_id)
        let parts = try await partRows.map { row in
            let surveys = surveysByPart[row.id] ?? []
            let responses = surveys.map(\.responses).reduce(0, +)
            let answers = surveys.map(\.answers).reduce(0, +)
            let total = surveys.compactMap(\.total).reduce(0, +)
            return PartLine(label: "Teil \(row.number): \(row.title)", registered: row.registered,
                            attendanceRate: rule.mayShow(groupOf: row.registered) && row.records > 0 ? Double(row.present) / Double(row.records) : nil,
                            attendanceRecords: row.records,
                            satisfaction: rule.mayShow(groupOf: responses) && answers > 0 ? Double(total) / Double(answers) : nil,
                            surveyResponses: responses)
        }
        return PartnerReport(editionID: editionID, editionTitle: header.edition_title, programmeTitle: header.programme_title,
                             members: header.members, parts: parts, needs: try await needs, change: try await change, rule: rule)
    }
}
