import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// An edition's rule and every member's record and status under it.
struct CompletionOverview: Sendable {
    struct Part: Sendable { let id: UUID; let number: Int; let title: String }
    struct Member: Sendable {
        let userID: UUID
        let name: String
        let attendancePercent: Double?
        let status: CompletionStatus
        let exceptionID: UUID?
    }

    let editionID: UUID
    let editionTitle: String
    let parts: [Part]
    let rule: CompletionRule
    let members: [Member]

    var completedCount: Int { members.filter(\.status.isComplete).count }

    private struct PartRow: Decodable { let id: UUID; let number: Int; let title: String; let units: Int }
    private struct MemberRow: Decodable { let id: UUID; let name: String }
    private struct AttendanceRow: Decodable { let userID: UUID; let partID: UUID; let status: AttendanceStatus; let count: Int }
    private struct PhaseRow: Decodable { let userID: UUID; let code: String }
    private struct UserRow: Decodable { let userID: UUID }
    private struct ExceptionRow: Decodable { let id: UUID; let userID: UUID; let reason: String }

    static func rule(editionID: UUID, partIDs: [UUID], on db: any SQLDatabase) async throws -> CompletionRule {
        struct Row: Decodable {
            let requiredPartIDs: String; let minimumAttendancePercent: Int; let excusedCounts: Bool
            let requiresSelfAssessments: Bool; let requiresProjectReport: Bool
        }
        guard
            let row = try await db.raw(
                """
                SELECT required_part_ids, minimum_attendance_percent, excused_counts, requires_self_assessments, requires_project_report
                FROM completion_rules WHERE edition_id = \(bind: editionID)
                """
            ).first(decoding: Row.self, with: .snakeCaseColumns)
        else { return CompletionRule(requiredParts: partIDs) }
        let required = (try? JSONDecoder().decode([UUID].self, from: Data(row.requiredPartIDs.utf8))) ?? partIDs
        return CompletionRule(
            requiredParts: required.filter(partIDs.contains), minimumAttendancePercent: row.minimumAttendancePercent,
            excusedCounts: row.excusedCounts, requiresSelfAssessments: row.requiresSelfAssessments,
            requiresProjectReport: row.requiresProjectReport)
    }

    /// The whole edition's, kept until a row under it changes (every table it reads moves the report counter).
    static func query(editionID: UUID, editionTitle: String, cache: ReportCache?, on db: any SQLDatabase) async throws -> CompletionOverview {
        try await cache.value("completion:\(editionID):\(editionTitle)", on: db) {
            try await query(editionID: editionID, editionTitle: editionTitle, on: db)
        }
    }

    /// The members the lead's search finds (by a part of the name, in any case), in the list's order.
    func members(matching search: String) -> [Member] {
        guard !search.isEmpty else { return members }
        let folded = search.lowercased()
        return members.filter { $0.name.lowercased().contains(folded) }
    }

    /// `onlyUser` narrows the members to one participant (their own status on Mein Programm).
    static func query(editionID: UUID, editionTitle: String, onlyUser: UUID? = nil, on db: any SQLDatabase) async throws -> CompletionOverview {
        let partRows = try await db.raw(
            """
            SELECT p.id, p.number, p.title, (SELECT COUNT(*) FROM units u WHERE u.part_id = p.id) AS units
            FROM parts p WHERE p.edition_id = \(bind: editionID) ORDER BY p.starts_on
            """
        ).all(decoding: PartRow.self)
        let rule = try await rule(editionID: editionID, partIDs: partRows.map(\.id), on: db)
        // On Mein Programm only the participant's own rows are read, not the whole edition's.
        func only(_ column: String) -> SQLQueryString { onlyUser.map { "AND \(unsafeRaw: column) = \(bind: $0)" } ?? "" }
        async let members = db.raw(
            """
            SELECT u.id, u.name FROM edition_members m JOIN users u ON u.id = m.user_id
            WHERE m.edition_id = \(bind: editionID) \(only("m.user_id")) ORDER BY u.name
            """
        ).all(decoding: MemberRow.self)
        async let attendance = db.raw(
            """
            SELECT a.user_id, un.part_id, a.status, COUNT(*) AS count FROM attendances a JOIN units un ON un.id = a.unit_id
            JOIN parts p ON p.id = un.part_id WHERE p.edition_id = \(bind: editionID) \(only("a.user_id")) GROUP BY a.user_id, un.part_id, a.status
            """
        ).all(decoding: AttendanceRow.self, with: .snakeCaseColumns)
        async let phases = db.raw(
            """
            SELECT DISTINCT sa.user_id, ph.code FROM self_assessments sa JOIN assessment_phases ph ON ph.id = sa.phase_id
            WHERE ph.edition_id = \(bind: editionID) \(only("sa.user_id"))
            """
        ).all(decoding: PhaseRow.self, with: .snakeCaseColumns)
        async let reports = db.raw(
            """
            SELECT DISTINCT pp.user_id FROM practice_projects pp JOIN parts p ON p.id = pp.part_id
            WHERE p.edition_id = \(bind: editionID) AND pp.outcome IS NOT NULL \(only("pp.user_id"))
            """
        ).all(decoding: UserRow.self, with: .snakeCaseColumns)
        async let exceptions = db.raw(
            """
            SELECT id, user_id, reason FROM completion_exceptions WHERE edition_id = \(bind: editionID) \(only("user_id"))
            """
        ).all(decoding: ExceptionRow.self, with: .snakeCaseColumns)
        let attendanceByUser = Dictionary(grouping: try await attendance, by: \.userID)
        let phasesByUser = Dictionary(grouping: try await phases, by: \.userID)
        let reported = Set(try await reports.map(\.userID))
        let exceptionOf = Dictionary(try await exceptions.map { ($0.userID, $0) }) { first, _ in first }
        let result = try await members.map { member in
            var records: [UUID: CompletionFacts.PartRecord] = [:]
            for part in partRows {
                let own = (attendanceByUser[member.id] ?? []).filter { $0.partID == part.id }
                records[part.id] = .init(
                    label: "Teil \(part.number)", units: part.units,
                    present: own.filter { $0.status == .present }.reduce(0) { $0 + $1.count },
                    excused: own.filter { $0.status == .excused }.reduce(0) { $0 + $1.count })
            }
            let codes = Set((phasesByUser[member.id] ?? []).map(\.code))
            let exception = exceptionOf[member.id]
            let facts = CompletionFacts(
                parts: records, answeredBefore: codes.contains(AssessmentPhaseKind.pre.code),
                answeredAfter: codes.contains(AssessmentPhaseKind.post.code),
                reportedProject: reported.contains(member.id), exception: exception?.reason)
            return Member(
                userID: member.id, name: member.name, attendancePercent: rule.attendancePercent(facts),
                status: rule.evaluate(facts), exceptionID: exception?.id)
        }
        return CompletionOverview(
            editionID: editionID, editionTitle: editionTitle,
            parts: partRows.map { Part(id: $0.id, number: $0.number, title: $0.title) }, rule: rule, members: result)
    }
}
