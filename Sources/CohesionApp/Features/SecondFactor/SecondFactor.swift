import CohesionPlatform
import Fluent
import Foundation

/// A lead's or admin's authenticator app: its secret, whether it is confirmed, and the last step
/// used, so a code seen over someone's shoulder cannot be used a second time.
final class SecondFactor: Model, @unchecked Sendable {
    static let schema = "second_factors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// Base32, as the app shows it.
    @Field(key: "secret") var secret: String
    /// Nil until the person has typed a code from the app.
    @OptionalField(key: "enabled_at") var enabledAt: Date?
    @Field(key: "last_counter") var lastCounter: Int64

    init() {}

    static func enabled(for userID: UUID, on db: any Database) async throws -> SecondFactor? {
        try await SecondFactor.query(on: db).filter(\.$user.$id == userID).filter(\.$enabledAt != nil).first()
    }
}

/// A sign-in that has passed the password and waits for the code, tied to the browser's session.
final class SecondFactorChallenge: Model, @unchecked Sendable {
    static let schema = "second_factor_challenges"

    @ID(key: .id) var id: UUID?
    @Field(key: "session_id") var sessionID: UUID
    @Parent(key: "user_id") var user: User
    @Field(key: "expires_at") var expiresAt: Date

    init() {}
}

struct CreateSecondFactor: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SecondFactor.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("secret", .string, .required)
            .field("enabled_at", .datetime)
            .field("last_counter", .int64, .required)
            .unique(on: "user_id")
            .create()
        try await database.schema(SecondFactorChallenge.schema)
            .id()
            .field("session_id", .uuid, .required, .references(WebSession.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("expires_at", .datetime, .required)
            .unique(on: "session_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SecondFactorChallenge.schema).delete()
        try await database.schema(SecondFactor.schema).delete()
    }
}
