import CohesionPlatform
import Fluent

struct CreateInvitation: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Invitation.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("region_key", .string)
            .field("token_hash", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("accepted_at", .datetime)
            .field("sent_count", .int, .required)
            .field("created_at", .datetime)
            .unique(on: "edition_id", "user_id")
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Invitation.schema).delete()
    }
}
