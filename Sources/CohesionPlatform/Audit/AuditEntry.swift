import Fluent
import Foundation
import SQLKit
import Vapor

/// One line of the audit log: who changed what, and when. Only ever inserted: the application has
/// no route that edits or deletes a line. It names people and objects, never what was entered
/// (no answers, no notes, no reasons beyond the kind of change).
package final class AuditEntry: Model, @unchecked Sendable {
    package static let schema = "audit_log"

    @ID(key: .id) package var id: UUID?
    @Field(key: "at") package var at: Date
    @OptionalField(key: "actor_id") package var actorID: UUID?
    /// Name and role at the time, or "Kommandozeile"; kept as text, so the line stays readable if the account goes.
    @Field(key: "actor") package var actor: String
    @Field(key: "action") package var action: AuditAction
    /// What was changed, in words ("Anmeldung von Anna Becker für Teil 2").
    @Field(key: "object") package var object: String
    @OptionalField(key: "object_id") package var objectID: UUID?

    package init() {}
}

/// A kind of change the log records, as the admin filters them; stored by its key. The platform
/// has the areas every feature shares; a feature adds its own as static members and lists them
/// in its manifest (`Feature.auditAreas`).
package struct AuditAction: Sendable, Hashable, Codable {
    package let key: String
    package let label: String

    package init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }

    package static let person = AuditAction("person", "Personen und Konten")
    package static let setting = AuditAction("setting", "Einstellungen und Seiten")
    package static let erasure = AuditAction("erasure", "Löschungen")

    package static let common = [person, setting, erasure]

    /// Read back by its key alone (areas are equal by key); the label comes from the features
    /// (`FeatureCatalog.auditAction(named:)`), and a key no feature declares any more shows as itself.
    package init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        self = AuditAction(key, key)
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    package static func == (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.key == rhs.key }
    package func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

package enum Audit {
    /// Makes a change and writes its line in one transaction, so that no change is stored without
    /// its line (and no line without its change). The line is written first: on SQLite a
    /// transaction that reads before its first write fails at once (SQLITE_BUSY) when another
    /// connection committed in between, while one that starts by writing waits for the lock.
    @discardableResult
    package static func recording<T: Sendable>(
        _ action: AuditAction, _ object: String, objectID: UUID? = nil, by req: Request,
        _ change: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await req.db.transaction { db in
            try await record(action, object, objectID: objectID, by: req, on: db)
            return try await change(db)
        }
    }

    /// Records a change made through `req` (the signed-in person or the API token's owner).
    package static func record(_ action: AuditAction, _ object: String, objectID: UUID? = nil, by req: Request, on db: (any Database)? = nil) async throws {
        let user = req.user
        try await record(
            action, object, objectID: objectID, actorID: user?.id,
            actor: user.map { "\($0.name) (\($0.role.germanName))" } ?? "ohne Anmeldung", at: req.now, on: db ?? req.db)
    }

    package static func record(
        _ action: AuditAction, _ object: String, objectID: UUID? = nil, actorID: UUID?, actor: String, at: Date,
        on db: any Database
    ) async throws {
        let entry = AuditEntry()
        entry.at = at
        entry.actorID = actorID
        entry.actor = actor
        entry.action = action
        entry.object = String(object.prefix(300))
        entry.objectID = objectID
        try await entry.create(on: db)
    }
}

package struct CreateAuditLog: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(AuditEntry.schema)
            .id()
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("object", .string, .required)
            .field("object_id", .uuid)
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.raw("CREATE INDEX idx_audit_log_at ON audit_log (at)").run()
        }
    }

    package func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }

    package init() {}
}

extension Audit {
    /// A person as the log names them.
    package static func name(of userID: UUID, on db: any Database) async throws -> String {
        try await User.find(userID, on: db)?.name ?? "unbekannte Person"
    }

}
