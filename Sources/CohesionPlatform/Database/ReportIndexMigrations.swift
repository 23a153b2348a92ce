import Fluent
import SQLKit

/// Indexes for the reports, across the tables of several features (hence the platform's): the
/// feedback tables are read by survey, response and question, and ratings, attendance and
/// registrations by person. Without them every report scans whole tables,
/// which an edition of thousands makes slow for every other edition too (bench/run).
package struct CreateReportIndexes: IndexMigration, PlatformMigration {
    package static let indexes = [
        ("idx_survey_responses_survey", "survey_responses (survey_id)"),
        ("idx_survey_answers_response", "survey_answers (response_id)"),
        ("idx_survey_answers_question", "survey_answers (question_id)"),
        ("idx_survey_questions_survey", "survey_questions (survey_id, position)"),
        ("idx_surveys_part", "surveys (part_id)"),
        ("idx_attendances_user", "attendances (user_id)"),
        ("idx_registrations_user", "registrations (user_id)"),
        ("idx_self_assessments_user", "self_assessments (user_id)"),
        ("idx_region_figures_indicator", "region_figures (indicator, region_key)"),
    ]

    package init() {}
}

/// A migration that only adds indexes: `(name, "table (columns)")`.
package protocol IndexMigration: AsyncMigration {
    static var indexes: [(String, String)] { get }
}

extension IndexMigration {
    package func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, target) in Self.indexes {
            try await sql.raw("CREATE INDEX \(unsafeRaw: name) ON \(unsafeRaw: target)").run()
        }
    }

    package func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for (name, _) in Self.indexes {
            try await sql.raw("DROP INDEX \(unsafeRaw: name)").run()
        }
    }
}
