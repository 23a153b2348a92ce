import CohesionPlatform
import Fluent

/// Mein Programm finds a person's open surveys from their attendance, by unit (bench/run, 100,000 participants).
struct CreateSurveyUnitIndex: IndexMigration {
    static let indexes = [("idx_surveys_unit", "surveys (unit_id)")]
}
