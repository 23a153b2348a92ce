import Fluent
import Foundation

/// A browser's session. The cookie holds a random secret; only its hash is stored, so a
/// copy of the database does not let anyone take over a session.
final class WebSession: Model, @unchecked Sendable {
    static let schema = "web_sessions"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    /// Nil for a visitor who has not logged in yet (the login form still needs a CSRF token).
    @OptionalParent(key: "user_id") var user: User?
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "expires_at") var expiresAt: Date
    /// From the app's clock, like every other time, so the session's maximum age follows it.
    @OptionalField(key: "created_at") var createdAt: Date?

    init() {}

    init(tokenHash: String, userID: UUID?, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

final class LoginAttempt: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "email") var email: String
    @Field(key: "address") var address: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(email: String, address: String, succeeded: Bool, at date: Date) {
        self.email = email
        self.address = address
        self.succeeded = succeeded
        self.attemptedAt = date
    }
}

/// A one-time link to set a password: sent on invitation (`create-user`) or on request (reset).
final class PasswordToken: Model, @unchecked Sendable {
    static let schema = "password_tokens"

    enum Purpose: String, Codable, Sendable { case welcome, reset }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "purpose") var purpose: Purpose
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?

    init() {}

    init(userID: UUID, tokenHash: String, purpose: Purpose, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.purpose = purpose
        self.expiresAt = expiresAt
    }
}
