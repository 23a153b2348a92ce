import Fluent
import Foundation
import SQLKit
import Vapor

/// One line of the audit log: who changed what, and when. Only ever inserted: the application has
/// no route that edits or deletes a line. It names people and objects, never what was entered
/// (no answers, no notes, no reasons beyond the kind of change).
final class AuditEntry: Model, @unchecked Sendable {
    static let schema = "audit_log"

    @ID(key: .id) var id: UUID?
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    /// Name and role at the time, or "Kommandozeile"; kept as text, so the line stays readable if the account goes.
    @Field(key: "actor") var actor: String
    @Field(key: "action") var action: AuditAction
    /// What was changed, in words ("Anmeldung von Anna Becker für Teil 2").
    @Field(key: "object") var object: String
    @OptionalField(key: "object_id") var objectID: UUID?

    init() {}
}

/// A kind of change the log records, as the admin filters them; stored by its key. The platform
/// has the areas every feature shares; a feature adds its own as static members and lists them
/// in its manifest (`Feature.auditAreas`).
struct AuditAction: Sendable, Hashable, Codable {
    let key: String
    let label: String

    init(_ key: String, _ label: String) {
        self.key = key
        self.label = label
    }

    static let person = AuditAction("person", "Personen und Konten")
    static let setting = AuditAction("setting", "Einstellungen und Seiten")
    static let erasure = AuditAction("erasure", "Löschungen")

    static let common = [person, setting, erasure]

    /// Every area, in the order of the filter: the platform's, then the features'.
    static let all: [AuditAction] = common + Features.all.flatMap { $0.auditAreas }

    /// The area stored under `key`; a key no feature declares any more still reads, under its key.
    static func named(_ key: String) -> AuditAction? { all.first { $0.key == key } }

    init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        self = Self.named(key) ?? AuditAction(key, key)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }

    static func == (lhs: AuditAction, rhs: AuditAction) -> Bool { lhs.key == rhs.key }
    func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

enum Audit {
    /// Makes a change and writes its line in one transaction, so that no change is stored without
    /// its line (and no line without its change). The line is written first: on SQLite a
    /// transaction that reads before its first write fails at once (SQLITE_BUSY) when another
    /// connection committed in between, while one that starts by writing waits for the lock.
    @discardableResult
    static func recording<T: Sendable>(
        _ action: AuditAction, _ object: String, objectID: UUID? = nil, by req: Request,
        _ change: @escaping @Sendable (any Database) async throws -> T
    ) async throws -> T {
        try await req.db.transaction { db in
            try await record(action, object, objectID: objectID, by: req, on: db)
            return try await change(db)
        }
    }

    /// Records a change made through `req` (the signed-in person or the API token's owner).
    static func record(_ action: AuditAction, _ object: String, objectID: UUID? = nil, by req: Request, on db: (any Database)? = nil) async throws {
        let user = req.user
        try await record(
            action, object, objectID: objectID, actorID: user?.id,
            actor: user.map { "\($0.name) (\($0.role.germanName))" } ?? "ohne Anmeldung", at: req.now, on: db ?? req.db)
    }

    static func record(
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

struct CreateAuditLog: AsyncMigration {
    func prepare(on database: Database) async throws {
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

    func revert(on database: Database) async throws {
        try await database.schema(AuditEntry.schema).delete()
    }
}

extension Audit {
    /// A person as the log names them.
    static func name(of userID: UUID, on db: any Database) async throws -> String {
        try await User.find(userID, on: db)?.name ?? "unbekannte Person"
    }

}
