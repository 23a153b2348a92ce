import CohesionPlatform
import Fluent
import Foundation

/// A personal API token. Only its SHA-256 is stored; the token itself is shown once, when it is made.
final class APIToken: Model, @unchecked Sendable {
    static let schema = "api_tokens"

    enum Scope: String, Codable, Sendable, CaseIterable {
        case read
        case readWrite = "read-write"

        var label: String { self == .read ? "lesen" : "lesen und schreiben" }
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// What the owner calls it, to tell their tokens apart.
    @Field(key: "name") var name: String
    @Field(key: "token_hash") var tokenHash: String
    /// The first characters, shown in the list so the owner recognises a token.
    @Field(key: "prefix") var prefix: String
    @Field(key: "scope") var scope: Scope
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "last_used_at") var lastUsedAt: Date?
    @OptionalField(key: "revoked_at") var revokedAt: Date?

    init() {}

    /// Tokens start with `coh_` so that secret scanners and people recognise them.
    static let marker = "coh_"

    /// A new token for `userID`; returns the secret, which is not kept anywhere.
    static func make(for userID: UUID, name: String, scope: Scope, days: Int, now: Date, on db: any Database) async throws -> String {
        var generator = SystemRandomNumberGenerator()
        let secret = marker + Base64URL.encode(Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }))
        let token = APIToken()
        token.$user.id = userID
        token.name = name
        token.tokenHash = secretHash(secret)
        token.prefix = String(secret.prefix(marker.count + 6))
        token.scope = scope
        token.createdAt = now
        token.expiresAt = now.addingTimeInterval(TimeInterval(days) * 86_400)
        try await token.save(on: db)
        return secret
    }
}

struct CreateAPIToken: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(APIToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("scope", .string, .required)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("last_used_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(APIToken.schema).delete()
    }
}
