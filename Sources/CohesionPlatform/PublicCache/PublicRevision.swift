import Fluent
import SQLKit

/// The database's change counter for what public pages show. Triggers move it on every write to
/// those tables, whoever writes (a form, the API, a command, another instance); on PostgreSQL
/// they also notify `channel`, after the commit, for the other instances' caches.
package enum PublicRevision {
    package static let table = "public_revision"
    package static let channel = "cohesion_public"

    package static func read(into cache: PublicPageCache, on db: any Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        if let value = try await ChangeCounter.value(of: table, on: sql) { cache.observe(counter: value) }
    }
}

package struct CreatePublicRevision: PlatformMigration {
    /// The tables as they were when this migration landed, never `FeatureCatalog.publicPageTables`: an
    /// installed database and a fresh one must end up alike. A table watched later gets its
    /// trigger in a migration of its own (the schema test compares both ways of getting there).
    package static let watched = [
        "programmes", "editions", "parts", "units", "modules", "competence_areas",
        "unit_competence_areas", "unit_facilitators",
    ]

    /// Registering for a part counts up its `registration_sequence`; that alone changes no public page.
    package static func condition(_ table: String, sqlite: Bool) -> String {
        guard table == "parts" else { return "" }
        return "WHEN (OLD.registration_sequence IS \(sqlite ? "" : "NOT DISTINCT FROM ")NEW.registration_sequence)"
    }

    package func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let table = PublicRevision.table
        try await ChangeCounter.create(table, on: sql)
        if sql.dialect.name == "sqlite" {
            // SQLite has row triggers only, one per event.
            for target in Self.watched {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try await sql.raw(
                        """
                        CREATE TRIGGER \(unsafeRaw: "public_\(target)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: target)
                        \(unsafeRaw: event == "UPDATE" ? Self.condition(target, sqlite: true) : "")
                        BEGIN UPDATE \(ident: table) SET value = value + 1 WHERE id = 1; END
                        """
                    ).run()
                }
            }
            try await sql.raw(
                """
                CREATE TRIGGER public_users_update AFTER UPDATE OF name ON users
                BEGIN UPDATE \(ident: table) SET value = value + 1 WHERE id = 1; END
                """
            ).run()
        } else {
            try await sql.raw(
                """
                CREATE FUNCTION cohesion_public_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE \(unsafeRaw: table) SET value = value + 1 WHERE id = 1;
                    PERFORM pg_notify('\(unsafeRaw: PublicRevision.channel)', '');
                    RETURN NULL;
                END $$
                """
            ).run()
            for target in Self.watched {
                let condition = Self.condition(target, sqlite: false)
                try await sql.raw(
                    """
                    CREATE TRIGGER public_changed AFTER INSERT OR DELETE OR TRUNCATE \(unsafeRaw: condition.isEmpty ? "OR UPDATE " : "")ON \(ident: target)
                    FOR EACH STATEMENT EXECUTE FUNCTION cohesion_public_changed()
                    """
                ).run()
                if !condition.isEmpty {
                    try await sql.raw(
                        """
                        CREATE TRIGGER public_changed_update AFTER UPDATE ON \(ident: target)
                        FOR EACH ROW \(unsafeRaw: condition) EXECUTE FUNCTION cohesion_public_changed()
                        """
                    ).run()
                }
            }
            try await sql.raw(
                """
                CREATE TRIGGER public_changed AFTER UPDATE OF name ON users
                FOR EACH STATEMENT EXECUTE FUNCTION cohesion_public_changed()
                """
            ).run()
        }
    }

    package func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        if sql.dialect.name == "sqlite" {
            for target in Self.watched + ["users"] {
                for event in ["insert", "update", "delete"] {
                    try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "public_\(target)_\(event)")").run()
                }
            }
        } else {
            for target in Self.watched + ["users"] {
                try await sql.raw("DROP TRIGGER IF EXISTS public_changed ON \(ident: target)").run()
                try await sql.raw("DROP TRIGGER IF EXISTS public_changed_update ON \(ident: target)").run()
            }
            try await sql.raw("DROP FUNCTION IF EXISTS cohesion_public_changed()").run()
        }
        try await sql.raw("DROP TABLE \(ident: PublicRevision.table)").run()
    }

    package init() {}
}
