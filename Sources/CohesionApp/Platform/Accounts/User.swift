import CohesionCore
import Fluent
import Foundation

final class User: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    /// Stored lower-cased and trimmed, so one address is one account.
    @Field(key: "email") var email: String
    @Field(key: "name") var name: String
    @Field(key: "role") var role: Role
    /// Nil until the person sets a password through their one-time link.
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    /// Set by the admin: no sign-in, no session, no API call until unlocked.
    @OptionalField(key: "locked_at") var lockedAt: Date?
    /// Set when the person was erased (on request or after the retention period): the row stays
    /// only so anonymous figures keep their cases; name and address are placeholders.
    @OptionalField(key: "erased_at") var erasedAt: Date?

    init() {}

    init(id: UUID? = nil, email: String, name: String, role: Role, passwordHash: String? = nil) {
        self.id = id
        self.email = User.normalise(email: email)
        self.name = name
        self.role = role
        self.passwordHash = passwordHash
    }

    static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
