import CohesionPlatform
import Fluent
import SQLKit

/// Mein Programm finds a person's open surveys from their attendance, by unit (bench/run, 100,000 participants).
struct CreateSurveyUnitIndex: IndexMigration {
    static let indexes = [("idx_surveys_unit", "surveys (unit_id)")]
}

/// The survey editor keeps how many an invitation would reach behind the report counter, so who
/// has answered must move it.
struct WatchSurveyParticipations: AsyncMigration {
    static let watched = ["survey_participations"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for target in Self.watched { try await ReportTriggers.create(on: target, sql) }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for target in Self.watched { try await ReportTriggers.drop(on: target, sql) }
    }
}
