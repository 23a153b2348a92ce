import Fluent
import SQLKit

/// Lets a worker claim a message before sending it (so two instances never deliver one twice)
/// and spaces out retries: how often it failed, and when it may be tried next.
package struct UpdateOutboxAddClaim: PlatformMigration {
    package func prepare(on database: Database) async throws {
        // One column per statement: SQLite adds only one column per ALTER TABLE.
        try await database.schema(OutboxMessage.schema).field("claim", .string).update()
        try await database.schema(OutboxMessage.schema).field("claimed_until", .datetime).update()
        try await database.schema(OutboxMessage.schema).field("attempts", .int, .required, .sql(.default(0))).update()
        try await database.schema(OutboxMessage.schema).field("next_attempt_at", .datetime).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_outbox_pending ON outbox (sent_at, next_attempt_at)").run()
    }

    package func revert(on database: Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.raw("DROP INDEX idx_outbox_pending").run() }
        for field in ["claim", "claimed_until", "attempts", "next_attempt_at"] {
            try await database.schema(OutboxMessage.schema).deleteField(.string(field)).update()
        }
    }

    package init() {}
}
