import CohesionPlatform
import Fluent
import SQLKit

struct CreateProfile: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Profile.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("region_key", .string)
            .field("embedding", .string, .required)
            .field("share_percent", .int, .required)
            .field("fixed_term", .bool)
            .field("funding", .string, .required)
            .field("mandate", .string, .required)
            .field("task_fields", .string, .required)
            .field("fields_of_action", .string, .required)
            .field("in_post_since", .string)
            .field("updated_at", .datetime)
            .unique(on: "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Profile.schema).delete()
    }
}

/// A counter per part that every registration change increments first: the update takes the
/// row's write lock, which serialises changes to one part's seats on SQLite and PostgreSQL alike.
struct UpdatePartAddRegistrationSequence: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Part.schema)
            .field("registration_sequence", .int, .required, .sql(.default(0)))
            .update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Part.schema).deleteField("registration_sequence").update()
    }
}

struct CreateRegistration: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Registration.schema)
            .id()
            .field("part_id", .uuid, .required, .references(Part.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("status", .string, .required)
            .field("sequence", .int, .required)
            .field("overnight", .bool, .required)
            .field("diet", .string, .required)
            .field("diet_note", .string, .required)
            .field("accessibility", .string, .required)
            .field("photo_consent", .bool, .required)
            .field("updated_at", .datetime)
            .unique(on: "part_id", "user_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_registrations_part ON registrations (part_id, status, sequence)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Registration.schema).delete()
    }
}

/// The lead's reason for a change made after the part began (see `RegistrationWindow`).
struct UpdateRegistrationAddLateChangeReason: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Registration.schema).field("late_change_reason", .string, .required, .sql(.default(""))).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Registration.schema).deleteField("late_change_reason").update()
    }
}

/// PostgreSQL keeps the registrations per part for up to 1,000 parts in its statistics. With its
/// default it knew only their average (470 with parts of 5,000 beside parts of ten) and joined a
/// small part's ten registrations to the accounts by scanning all 100,000 of them: the demo unit's
/// signature list took 23–49 ms, with the estimate near the part's size 0.7 ms (`EXPLAIN ANALYZE`).
/// SQLite's planner looks the ten up by key anyway.
struct TuneRegistrationStatistics: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("ALTER TABLE registrations ALTER COLUMN part_id SET STATISTICS 1000").run()
        try await sql.raw("ANALYZE registrations").run()
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("ALTER TABLE registrations ALTER COLUMN part_id SET STATISTICS -1").run()
    }
}
