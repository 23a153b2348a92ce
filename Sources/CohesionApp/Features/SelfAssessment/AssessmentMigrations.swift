import CohesionPlatform
import Fluent

struct CreateAssessmentPhase: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(AssessmentPhase.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("is_open", .bool, .required)
            .field("asks_retrospective", .bool, .required)
            .unique(on: "edition_id", "code")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(AssessmentPhase.schema).delete()
    }
}

struct CreateSelfAssessment: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SelfAssessment.schema)
            .id()
            .field("phase_id", .uuid, .required, .references(AssessmentPhase.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("competence_area_id", .uuid, .required, .references(CompetenceArea.schema, "id", onDelete: .cascade))
            .field("level", .int, .required)
            .field("need", .int, .required)
            .field("retrospective_level", .int)
            .field("note", .string, .required)
            .field("updated_at", .datetime)
            .unique(on: "phase_id", "user_id", "competence_area_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SelfAssessment.schema).delete()
    }
}
