import CohesionPlatform
import Fluent

struct CreateSurveys: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Survey.schema)
            .id()
            .field("part_id", .uuid, .required, .references(Part.schema, "id", onDelete: .cascade))
            .field("unit_id", .uuid, .references(Unit.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("anonymous", .bool, .required)
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .create()
        try await database.schema(SurveyQuestion.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("kind", .string, .required)
            .field("text", .string, .required)
            .field("options", .string, .required)
            .create()
        try await database.schema(SurveyResponse.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("respondent_id", .uuid)
            .create()
        try await database.schema(SurveyAnswer.schema)
            .id()
            .field("response_id", .uuid, .required, .references(SurveyResponse.schema, "id", onDelete: .cascade))
            .field("question_id", .uuid, .required, .references(SurveyQuestion.schema, "id", onDelete: .cascade))
            .field("value", .string, .required)
            .create()
        try await database.schema(SurveyParticipation.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "survey_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        for schema in [SurveyParticipation.schema, SurveyAnswer.schema, SurveyResponse.schema, SurveyQuestion.schema, Survey.schema] {
            try await database.schema(schema).delete()
        }
    }
}
