import CohesionPlatform
import Fluent

struct CreatePracticeProject: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PracticeProject.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("part_id", .uuid, .required, .references(Part.schema, "id", onDelete: .cascade))
            .field("goal", .string, .required)
            .field("first_steps", .string, .required)
            .field("due_on", .string, .required)
            .field("outcome", .string)
            .field("helped", .string, .required)
            .field("hindered", .string, .required)
            .field("created_at", .datetime)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(PracticeProject.schema).delete()
    }
}
