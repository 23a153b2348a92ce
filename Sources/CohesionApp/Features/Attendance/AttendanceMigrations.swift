import CohesionPlatform
import Fluent

struct CreateAttendance: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Attendance.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("recorded_by", .uuid)
            .field("updated_at", .datetime)
            .unique(on: "unit_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Attendance.schema).delete()
    }
}
