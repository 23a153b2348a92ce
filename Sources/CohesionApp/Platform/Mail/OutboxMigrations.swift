import Fluent
import Foundation

struct CreateOutbox: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema)
            .id()
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }
}
