import Fluent
import Foundation

/// A browser's session. The cookie holds a random secret; only its hash is stored, so a
/// copy of the database does not let anyone take over a session.
package final class WebSession: Model, @unchecked Sendable {
    package static let schema = "web_sessions"

    @ID(key: .id) package var id: UUID?
    @Field(key: "token_hash") package var tokenHash: String
    /// Nil for a visitor who has not logged in yet (the login form still needs a CSRF token).
    @OptionalParent(key: "user_id") package var user: User?
    @Field(key: "csrf_token") package var csrfToken: String
    @Field(key: "expires_at") package var expiresAt: Date
    /// From the app's clock, like every other time, so the session's maximum age follows it.
    @OptionalField(key: "created_at") package var createdAt: Date?

    package init() {}

    package init(tokenHash: String, userID: UUID?, csrfToken: String, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.$user.id = userID
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}

package final class LoginAttempt: Model, @unchecked Sendable {
    package static let schema = "login_attempts"

    @ID(key: .id) package var id: UUID?
    @Field(key: "email") package var email: String
    @Field(key: "address") package var address: String
    @Field(key: "succeeded") package var succeeded: Bool
    @Field(key: "attempted_at") package var attemptedAt: Date

    package init() {}

    package init(email: String, address: String, succeeded: Bool, at date: Date) {
        self.email = email
        self.address = address
        self.succeeded = succeeded
        self.attemptedAt = date
    }
}

/// A one-time link to set a password: sent on invitation (`create-user`) or on request (reset).
package final class PasswordToken: Model, @unchecked Sendable {
    package static let schema = "password_tokens"

    package enum Purpose: String, Codable, Sendable { case welcome, reset }

    @ID(key: .id) package var id: UUID?
    @Parent(key: "user_id") package var user: User
    @Field(key: "token_hash") package var tokenHash: String
    @Field(key: "purpose") package var purpose: Purpose
    @Field(key: "expires_at") package var expiresAt: Date
    @OptionalField(key: "used_at") package var usedAt: Date?

    package init() {}

    package init(userID: UUID, tokenHash: String, purpose: Purpose, expiresAt: Date) {
        self.$user.id = userID
        self.tokenHash = tokenHash
        self.purpose = purpose
        self.expiresAt = expiresAt
    }
}
