import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `ImpactReport` from the database.
extension ImpactReport {
    private struct PartRow: Decodable {
        let id: UUID; let number: Int; let title: String; let registered: Int; let records: Int; let present: Int
    }
    private struct UnitRow: Decodable { let id: UUID; let title: String; let partNumber: Int; let records: Int; let present: Int }
    private struct HeaderRow: Decodable { let editionTitle: String; let programmeTitle: String; let members: Int; let certificates: Int }

    /// The whole report is kept until a row under it changes: every table it reads moves the
    /// report counter (`ReportCacheTests` reads each statement of the page to check).
    static func query(
        editionID: UUID, detail: Detail, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?,
        on db: any SQLDatabase
    ) async throws -> ImpactReport? {
        try await cache.value("impact-report:\(editionID):\(detail):\(today.iso):\(rule.minimumGroupSize)", on: db) {
            try await compute(editionID: editionID, detail: detail, today: today, rule: rule, cache: cache, on: db)
        }
    }

    /// The pooled mean of `surveys` and its responses; with no survey large enough, the responses of
    /// the small ones, so the report says „zu wenige (3)“ rather than that nobody answered.
    static func satisfaction(
        _ surveys: [FeedbackQueries.SurveyLine], answers: [FeedbackPooling.Answer], rule: DisclosureRule
    ) -> (mean: Double?, responses: Int) {
        let pooled = FeedbackPooling.pool(surveys.map(\.pooling), answers: answers, rule: rule)
        return pooled.included.isEmpty ? (nil, surveys.map(\.responses).reduce(0, +)) : (pooled.overall.mean, pooled.responses)
    }

    private static func compute(
        editionID: UUID, detail: Detail, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?,
        on db: any SQLDatabase
    ) async throws -> ImpactReport? {
        guard
            let header = try await db.raw(
                """
                SELECT e.title AS edition_title, g.title AS programme_title,
                       (SELECT COUNT(*) FROM edition_members m WHERE m.edition_id = e.id) AS members,
                       (SELECT COUNT(*) FROM certificates c WHERE c.edition_id = e.id AND c.revoked_at IS NULL) AS certificates
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
        async let unitRows = db.raw(
            """
            SELECT u.id, u.title, p.number AS part_number,
                   (SELECT COUNT(*) FROM attendances a WHERE a.unit_id = u.id) AS records,
                   (SELECT COUNT(*) FROM attendances a WHERE a.unit_id = u.id AND a.status = \(bind: AttendanceStatus.present)) AS present
            FROM units u JOIN parts p ON p.id = u.part_id WHERE p.edition_id = \(bind: editionID) ORDER BY p.starts_on, u.starts_at, u.title
            """
        ).all(decoding: UnitRow.self, with: .snakeCaseColumns)
        async let surveyRows = FeedbackQueries.surveys(editionID: editionID, on: db)
        let surveys = try await surveyRows
        let answers = try await FeedbackQueries.answers(
            surveys: surveys.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id),
            withTexts: false, cache: cache, on: db)
        func attendance(_ records: Int, _ present: Int) -> Double? {
            rule.mayShow(groupOf: records) ? Double(present) / Double(records) : nil
        }
        func satisfaction(_ own: [FeedbackQueries.SurveyLine]) -> (mean: Double?, responses: Int) {
            Self.satisfaction(own, answers: answers, rule: rule)
        }
        let parts = try await partRows.map { row in
            let pooled = satisfaction(surveys.filter { $0.partID == row.id })
            return PartLine(
                label: "Teil \(row.number): \(row.title)", registered: row.registered,
                attendanceRate: attendance(row.records, row.present),
                attendanceRecords: row.records, satisfaction: pooled.mean, surveyResponses: pooled.responses)
        }
        let units = try await unitRows.map { row in
            let pooled = satisfaction(surveys.filter { $0.unitID == row.id })
            return UnitLine(
                label: "Teil \(row.partNumber): \(row.title)", attendanceRate: attendance(row.records, row.present), attendanceRecords: row.records,
                satisfaction: pooled.mean, surveyResponses: pooled.responses)
        }
        let all = satisfaction(surveys)
        // One after the other: both read the edition's phases through the report cache, and two
        // misses at once would both query them.
        let needsReport = try await NeedsReport.query(
            editionID: editionID, editionTitle: header.editionTitle, phaseID: nil, dimension: .kind,
            today: today, rule: rule, cache: cache, on: db)
        let changeReport = try await ChangeReport.query(editionID: editionID, editionTitle: header.editionTitle, rule: rule, cache: cache, on: db)
        async let trace = NeedTrace.query(needs: needsReport, change: changeReport, on: db)
        async let transfer = TransferReport.query(editionID: editionID, areas: needsReport.areas, rule: rule, on: db)
        return ImpactReport(
            editionID: editionID, editionTitle: header.editionTitle, programmeTitle: header.programmeTitle,
            members: header.members, certificates: header.certificates, parts: parts, units: units,
            satisfaction: all.mean, surveyResponses: all.responses, needs: needsReport,
            change: changeReport, trace: try await trace, transfer: try await transfer, rule: rule, detail: detail)
    }
}
