import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Who is asked a survey, and who may read its report.
enum SurveyAccess {
    struct Info: Decodable, Sendable {
        let id: UUID
        let title: String
        let anonymous: Bool
        let opensOn: String
        let closesOn: String
        let partID: UUID
        let partNumber: Int
        let partTitle: String
        let unitID: UUID?
        let unitTitle: String?

        var target: String { unitTitle.map { "Einheit „\($0)“" } ?? "Teil \(partNumber): \(partTitle)" }

        func isOpen(on day: CalendarDay) -> Bool {
            guard let first = CalendarDay(iso: opensOn), let last = CalendarDay(iso: closesOn) else { return false }
            return first <= day && day <= last
        }
    }

    static let columns = """
        s.id, s.title, s.anonymous, s.opens_on, s.closes_on, p.id AS part_id, p.number AS part_number, p.title AS part_title,
        s.unit_id, u.title AS unit_title
        """

    static func info(_ surveyID: UUID, on db: any SQLDatabase) async throws -> Info? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM surveys s JOIN parts p ON p.id = s.part_id LEFT JOIN units u ON u.id = s.unit_id
            WHERE s.id = \(bind: surveyID)
            """
        ).first(decoding: Info.self, with: .snakeCaseColumns)
    }

    /// Surveys open today that `userID` attended and has not answered yet. Starts from the
    /// person's own attendance (a few rows), so the cost does not grow with the number of surveys.
    static func openFor(_ userID: UUID, today: CalendarDay, on db: any SQLDatabase) async throws -> [Info] {
        let present: SQLQueryString = "SELECT a.unit_id FROM attendances a WHERE a.user_id = \(bind: userID) AND a.status = \(bind: AttendanceStatus.present)"
        let unanswered: SQLQueryString = "NOT EXISTS (SELECT 1 FROM survey_participations sp WHERE sp.survey_id = s.id AND sp.user_id = \(bind: userID))"
        let rows = try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM surveys s JOIN parts p ON p.id = s.part_id LEFT JOIN units u ON u.id = s.unit_id
            WHERE s.unit_id IN (\(present)) AND \(unanswered)
            UNION ALL
            SELECT \(unsafeRaw: columns) FROM surveys s JOIN parts p ON p.id = s.part_id LEFT JOIN units u ON u.id = s.unit_id
            WHERE s.unit_id IS NULL AND s.part_id IN (SELECT pu.part_id FROM units pu WHERE pu.id IN (\(present))) AND \(unanswered)
            ORDER BY closes_on
            """
        ).all(decoding: Info.self, with: .snakeCaseColumns)
        return rows.filter { $0.isOpen(on: today) }
    }

    static func mayAnswer(_ userID: UUID, survey: UUID, today: CalendarDay, on db: any SQLDatabase) async throws -> Bool {
        try await openFor(userID, today: today, on: db).contains { $0.id == survey }
    }

    /// The lead and admin; a facilitator for surveys about their unit, or about a part they teach in.
    static func mayReadReport(_ user: CurrentUser, survey: Info, on db: any SQLDatabase) async throws -> Bool {
        if user.role.canEditStructure { return true }
        guard user.role == .facilitator else { return false }
        return try await db.raw(
            """
            SELECT f.user_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id
            WHERE f.user_id = \(bind: user.id) AND (u.id = \(bind: survey.unitID ?? UUID()) OR (\(bind: survey.unitID == nil) AND u.part_id = \(bind: survey.partID)))
            """
        ).first() != nil
    }

    private struct Recipient: Decodable { let id: UUID; let name: String; let email: String }

    /// Everyone who attended and has not answered: for the invitation mail. Read from the
    /// attendance of the survey's units, not by asking for every account whether it attended.
    static func pendingRecipients(_ surveyID: UUID, on db: any SQLDatabase) async throws -> [(id: UUID, name: String, email: String)] {
        try await db.raw("SELECT us.id, us.name, us.email FROM users us WHERE \(pending(surveyID)) ORDER BY us.name")
            .all(decoding: Recipient.self).map { ($0.id, $0.name, $0.email) }
    }

    /// How many the invitation mail would reach, without reading them.
    static func pendingCount(_ surveyID: UUID, on db: any SQLDatabase) async throws -> Int {
        struct CountRow: Decodable { let pending: Int }
        return try await db.raw("SELECT COUNT(*) AS pending FROM users us WHERE \(pending(surveyID))").first(decoding: CountRow.self)?.pending ?? 0
    }

    private static func pending(_ surveyID: UUID) -> SQLQueryString {
        """
        us.role = \(bind: Role.participant) AND us.id IN (
            SELECT a.user_id FROM attendances a WHERE a.status = \(bind: AttendanceStatus.present) AND a.unit_id IN (
                SELECT s.unit_id FROM surveys s WHERE s.id = \(bind: surveyID) AND s.unit_id IS NOT NULL
                UNION ALL SELECT u.id FROM units u JOIN surveys s ON s.part_id = u.part_id WHERE s.id = \(bind: surveyID) AND s.unit_id IS NULL))
          AND NOT EXISTS (SELECT 1 FROM survey_participations sp WHERE sp.survey_id = \(bind: surveyID) AND sp.user_id = us.id)
        """
    }
}
