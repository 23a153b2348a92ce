import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// A Teilnahmebescheinigung: what it states, its PDF/A, and its verification code, which stays
/// when it is issued again after a correction. Revoked ones keep their record, with date and reason.
final class Certificate: Model, @unchecked Sendable {
    static let schema = "certificates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Parent(key: "user_id") var user: User
    @Field(key: "code") var code: String
    @Field(key: "issued_at") var issuedAt: Date
    @OptionalField(key: "revoked_at") var revokedAt: Date?
    @Field(key: "revoke_reason") var revokeReason: String
    /// The `CertificateStatement` as JSON.
    @Field(key: "statement") var statementJSON: String
    @Field(key: "pdf") var pdf: Data
    /// One line per issue and change, oldest first, as JSON.
    @Field(key: "history") var historyJSON: String

    init() {}

    var statement: CertificateStatement? {
        try? JSONDecoder().decode(CertificateStatement.self, from: Data(statementJSON.utf8))
    }

    var history: [String] {
        (try? JSONDecoder().decode([String].self, from: Data(historyJSON.utf8))) ?? []
    }
}

struct CreateCertificate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Certificate.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("issued_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .field("revoke_reason", .string, .required)
            .field("statement", .string, .required)
            .field("pdf", .data, .required)
            .field("history", .string, .required)
            .unique(on: "code")
            .unique(on: "edition_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Certificate.schema).delete()
    }
}
