import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `PartnerReport` from the database.
extension PartnerReport {
    private struct PartRow: Decodable {
        let id: UUID; let number: Int; let title: String; let registered: Int; let records: Int; let present: Int
    }
    private struct HeaderRow: Decodable { let editionTitle: String; let programmeTitle: String; let members: Int }

    static func query(
        editionID: UUID, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?,
        on db: any SQLDatabase
    ) async throws -> PartnerReport? {
        guard
            let header = try await db.raw(
                """
                SELECT e.title AS edition_title, g.title AS programme_title,
                       (SELECT COUNT(*) FROM edition_members m WHERE m.edition_id = e.id) AS members
                FROM editions e JOIN programmes g ON g.id = e.programme_id WHERE e.id = \(bind: editionID)
                """
            ).first(decoding: HeaderRow.self, with: .snakeCaseColumns)
        else { return nil }
        async let partRows = db.raw(
            """
            SELECT p.id, p.number, p.title,
                   (SELECT COUNT(*) FROM registrations r WHERE r.part_id = p.id AND r.status = \(bind: RegistrationStatus.registered)) AS registered,
                   (SELECT COUNT(*) FROM attendances a JOIN units u ON u.id = a.unit_id WHERE u.part_id = p.id) AS records,
                   (SELECT COUNT(*) FROM attendances a JOIN units u ON u.id = a.unit_id WHERE u.part_id = p.id AND a.status = \(bind: AttendanceStatus.present)) AS present
            FROM parts p WHERE p.edition_id = \(bind: editionID) ORDER BY p.starts_on
            """
        ).all(decoding: PartRow.self)
        async let surveyRows = FeedbackQueries.surveys(editionID: editionID, on: db)
        async let needs = NeedsReport.query(
            editionID: editionID, editionTitle: header.editionTitle, phaseID: nil, dimension: .kind,
            today: today, rule: rule, cache: cache, on: db)
        async let change = ChangeReport.query(editionID: editionID, editionTitle: header.editionTitle, rule: rule, cache: cache, on: db)
        let surveys = try await surveyRows
        let answers = try await FeedbackQueries.answers(
            surveys: surveys.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id),
            withTexts: false, cache: cache, on: db)
        let parts = try await partRows.map { row in
            let pooled = FeedbackPooling.pool(surveys.filter { $0.partID == row.id }.map(\.pooling), answers: answers, rule: rule)
            return PartLine(
                label: "Teil \(row.number): \(row.title)", registered: row.registered,
                attendanceRate: rule.mayShow(groupOf: row.registered) && row.records > 0 ? Double(row.present) / Double(row.records) : nil,
                attendanceRecords: row.records, satisfaction: pooled.overall.mean, surveyResponses: pooled.responses)
        }
        return PartnerReport(
            editionID: editionID, editionTitle: header.editionTitle, programmeTitle: header.programmeTitle,
            members: header.members, parts: parts, needs: try await needs, change: try await change, rule: rule)
    }
}
