import CohesionPlatform
import Fluent
import SQLKit

struct UpdateUnitAddSequence: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Unit.schema).field("sequence", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Unit.schema).deleteField("sequence").update()
    }
}

struct CreateCalendarFeed: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CalendarFeed.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token", .string, .required)
            .field("created_at", .datetime)
            .unique(on: "user_id")
            .unique(on: "token")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CalendarFeed.schema).delete()
    }
}
