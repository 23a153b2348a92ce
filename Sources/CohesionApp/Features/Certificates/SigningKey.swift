import CohesionPlatform
import Fluent
import Foundation

/// An RSA key that signs Open Badges. The newest key that is not retired signs; retired keys stay
/// in the published JWK Set so that badges signed with them still verify after a rotation.
final class SigningKey: Model, @unchecked Sendable {
    static let schema = "signing_keys"

    @ID(key: .id) var id: UUID?
    /// The `kid` of the JWT header and the JWK Set.
    @Field(key: "kid") var kid: String
    /// PKCS#8 PEM. The database is the one place it is kept; backups must be guarded accordingly.
    @Field(key: "private_pem") var privatePEM: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "retired_at") var retiredAt: Date?

    init() {}
}

struct CreateSigningKey: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(SigningKey.schema)
            .id()
            .field("kid", .string, .required)
            .field("private_pem", .string, .required)
            .field("created_at", .datetime, .required)
            .field("retired_at", .datetime)
            .unique(on: "kid")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(SigningKey.schema).delete()
    }
}
