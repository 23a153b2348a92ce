import Fluent
import Foundation

package struct CreateOutbox: PlatformMigration {
    package func prepare(on database: Database) async throws {
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

    package func revert(on database: Database) async throws {
        try await database.schema(OutboxMessage.schema).delete()
    }

    package init() {}
}
