import Fluent
import SQLKit

/// The counters behind `PersonalPageCache` and the triggers that move them.
package struct CreatePersonalRevision: AsyncMigration {
    /// The tables as they were when this migration landed, never `FeatureCatalog.personalPageTables`:
    /// an installed database and a fresh one must end up alike. A table read later gets its
    /// trigger in a migration of its own (the schema test compares both ways of getting there).
    package static let watched: [PersonalPageTable] = [
        .own("users", column: "id"), .own("edition_members"), .own("registrations"), .own("unit_facilitators"),
        .own("attendances"), .own("calendar_feeds"), .own("profiles"), .own("exchange_visits"),
        .own("survey_participations"), .own("follow_up_participations"), .own("self_assessments"),
        .own("practice_projects"), .own("completion_exceptions"), .own("certificates"),
        .shared("programmes"), .shared("editions"), .shared("parts"), .shared("units"), .shared("regions"),
        .shared("surveys"), .shared("follow_up_phases"), .shared("assessment_phases"), .shared("completion_rules"),
        .shared("board_posts"),
    ]

    package func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            "CREATE TABLE \(ident: PersonalRevision.table) (user_id UUID PRIMARY KEY NOT NULL, value BIGINT NOT NULL)"
        ).run()
        try await ChangeCounter.create(PersonalRevision.sharedTable, on: sql)
        if sql.dialect.name == "sqlite" {
            for table in Self.watched { try await PersonalTriggers.createSQLite(table, on: sql) }
        } else {
            try await PersonalTriggers.createPostgresFunctions(on: sql)
            for table in Self.watched { try await PersonalTriggers.createPostgres(table, on: sql) }
        }
    }

    package func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for table in Self.watched { try await PersonalTriggers.drop(table, on: sql) }
        if sql.dialect.name != "sqlite" {
            try await sql.raw("DROP FUNCTION IF EXISTS cohesion_personal_changed()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS cohesion_personal_shared_changed()").run()
        }
        try await sql.raw("DROP TABLE \(ident: PersonalRevision.table)").run()
        try await sql.raw("DROP TABLE \(ident: PersonalRevision.sharedTable)").run()
    }

    package init() {}
}

/// A registration counts up its part's `registration_sequence` (the seat lock), which no page
/// shows: without this, every registration anywhere would renew every person's kept page.
package struct PersonalPagesIgnoreSeatCounter: AsyncMigration {
    private static let parts = PersonalPageTable.shared("parts")

    package func prepare(on database: any Database) async throws {
        try await recreate(on: database) { CreatePublicRevision.condition("parts", sqlite: $0) }
    }

    package func revert(on database: any Database) async throws {
        try await recreate(on: database, condition: nil)
    }

    private func recreate(on database: any Database, condition: ((Bool) -> String)?) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await PersonalTriggers.drop(Self.parts, on: sql)
        if sql.dialect.name == "sqlite" {
            try await PersonalTriggers.createSQLite(Self.parts, updateCondition: condition, on: sql)
        } else {
            try await PersonalTriggers.createPostgres(Self.parts, updateCondition: condition, on: sql)
        }
    }

    package init() {}
}

/// The triggers of one watched table, on either database. Their names start with `personal_`.
package enum PersonalTriggers {
    private static let events = ["INSERT", "UPDATE", "DELETE"]

    /// SQLite has row triggers only, one per event. A person's counter is counted up where it
    /// exists and made where it does not; an update that moves a row to another person counts both.
    /// `updateCondition` gives a `WHEN` clause for updates (its argument: for SQLite), for a shared
    /// table whose rows also change in ways no page shows.
    static func createSQLite(_ watched: PersonalPageTable, updateCondition: ((Bool) -> String)? = nil, on sql: any SQLDatabase) async throws {
        for event in events {
            let body: String
            if let column = watched.personColumn {
                let rows = event == "INSERT" ? ["NEW"] : event == "DELETE" ? ["OLD"] : ["OLD", "NEW"]
                body = rows.map { row in
                    """
                    INSERT INTO \(PersonalRevision.table) (user_id, value) SELECT \(row).\(column), 1
                    WHERE \(row).\(column) IS NOT NULL\(row == "NEW" && rows.count == 2 ? " AND NEW.\(column) IS NOT OLD.\(column)" : "")
                    ON CONFLICT (user_id) DO UPDATE SET value = value + 1;
                    """
                }.joined(separator: "\n")
            } else {
                body = "UPDATE \(PersonalRevision.sharedTable) SET value = value + 1 WHERE id = 1;"
            }
            let condition = event == "UPDATE" ? updateCondition?(true) ?? "" : ""
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: "personal_\(watched.table)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: watched.table)
                \(unsafeRaw: condition) BEGIN \(unsafeRaw: body) END
                """
            ).run()
        }
    }

    /// PostgreSQL counts once per statement: the people a statement touched come from its
    /// transition tables, in their order, so two statements never wait on each other's rows crosswise.
    static func createPostgresFunctions(on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            CREATE FUNCTION cohesion_personal_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            DECLARE
                people text;
            BEGIN
                people := CASE TG_OP
                    WHEN 'INSERT' THEN format('SELECT %1$I FROM changed_new', TG_ARGV[0])
                    WHEN 'DELETE' THEN format('SELECT %1$I FROM changed_old', TG_ARGV[0])
                    ELSE format('SELECT %1$I FROM changed_old UNION SELECT %1$I FROM changed_new', TG_ARGV[0]) END;
                EXECUTE format(
                    'INSERT INTO \(unsafeRaw: PersonalRevision.table) (user_id, value) '
                    'SELECT person, 1 FROM (SELECT DISTINCT person FROM (%s) AS touched (person) WHERE person IS NOT NULL) AS people ORDER BY person '
                    'ON CONFLICT (user_id) DO UPDATE SET value = \(unsafeRaw: PersonalRevision.table).value + 1', people);
                RETURN NULL;
            END $$
            """
        ).run()
        try await sql.raw(
            """
            CREATE FUNCTION cohesion_personal_shared_changed() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN UPDATE \(unsafeRaw: PersonalRevision.sharedTable) SET value = value + 1 WHERE id = 1; RETURN NULL; END $$
            """
        ).run()
    }

    static func createPostgres(_ watched: PersonalPageTable, updateCondition: ((Bool) -> String)? = nil, on sql: any SQLDatabase) async throws {
        guard let column = watched.personColumn else {
            // A condition on the rows needs a row trigger for updates; the other events count per statement.
            try await sql.raw(
                """
                CREATE TRIGGER personal_changed AFTER INSERT OR DELETE OR TRUNCATE \(unsafeRaw: updateCondition == nil ? "OR UPDATE " : "")ON \(ident: watched.table)
                FOR EACH STATEMENT EXECUTE FUNCTION cohesion_personal_shared_changed()
                """
            ).run()
            if let updateCondition {
                try await sql.raw(
                    """
                    CREATE TRIGGER personal_changed_update AFTER UPDATE ON \(ident: watched.table)
                    FOR EACH ROW \(unsafeRaw: updateCondition(false)) EXECUTE FUNCTION cohesion_personal_shared_changed()
                    """
                ).run()
            }
            return
        }
        // A trigger with transition tables takes one event; TRUNCATE has none and counts for everybody.
        let referencing = [
            "INSERT": "NEW TABLE AS changed_new", "UPDATE": "OLD TABLE AS changed_old NEW TABLE AS changed_new", "DELETE": "OLD TABLE AS changed_old",
        ]
        for event in events {
            try await sql.raw(
                """
                CREATE TRIGGER \(unsafeRaw: "personal_changed_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: watched.table)
                REFERENCING \(unsafeRaw: referencing[event] ?? "") FOR EACH STATEMENT
                EXECUTE FUNCTION cohesion_personal_changed('\(unsafeRaw: column)')
                """
            ).run()
        }
        try await sql.raw(
            """
            CREATE TRIGGER personal_changed_truncate AFTER TRUNCATE ON \(ident: watched.table)
            FOR EACH STATEMENT EXECUTE FUNCTION cohesion_personal_shared_changed()
            """
        ).run()
    }

    static func drop(_ watched: PersonalPageTable, on sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            for event in events {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "personal_\(watched.table)_\(event.lowercased())")").run()
            }
        } else {
            for name in ["personal_changed", "personal_changed_insert", "personal_changed_update", "personal_changed_delete", "personal_changed_truncate"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: name) ON \(ident: watched.table)").run()
            }
        }
    }
}
