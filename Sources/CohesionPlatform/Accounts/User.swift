import CohesionCore
import Fluent
import Foundation

package final class User: Model, @unchecked Sendable {
    package static let schema = "users"

    @ID(key: .id) package var id: UUID?
    /// Stored lower-cased and trimmed, so one address is one account.
    @Field(key: "email") package var email: String
    @Field(key: "name") package var name: String
    @Field(key: "role") package var role: Role
    /// Nil until the person sets a password through their one-time link.
    @OptionalField(key: "password_hash") package var passwordHash: String?
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    /// Set by the admin: no sign-in, no session, no API call until unlocked.
    @OptionalField(key: "locked_at") package var lockedAt: Date?
    /// Set when the person was erased (on request or after the retention period): the row stays
    /// only so anonymous figures keep their cases; name and address are placeholders.
    @OptionalField(key: "erased_at") package var erasedAt: Date?

    package init() {}

    package init(id: UUID? = nil, email: String, name: String, role: Role, passwordHash: String? = nil) {
        self.id = id
        self.email = User.normalise(email: email)
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }

    package static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
