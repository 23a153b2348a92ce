import Fluent
import SQLKit

/// On PostgreSQL the three counters of one row each (public pages, reports, what all personal
/// pages share) move when the transaction commits, no longer at the first write to a watched table.
///
/// Why: a counter moved at the first write holds its row's lock until the commit. A person's own
/// counter is taken at that person's rows' write. Two transactions that met those in opposite
/// orders (a part's seat counter, then the person's registration; the person's attendance, then
/// the report) waited on each other and PostgreSQL ended one as a deadlock. Moved at the commit,
/// after every person's counter the transaction takes, and always in the same order, no two
/// transactions can wait crosswise on them; and a long transaction no longer makes every other
/// writer of a watched table wait for its whole length, only for the moment of its commit.
///
/// How: the triggers stay as they are; their functions now only mark the counter for this
/// transaction (a transaction-local setting) and, once per transaction, insert a row into
/// `change_counter_moves`, whose deferred constraint trigger moves the marked counters at the
/// commit and deletes that row. A rolled-back savepoint takes its marks and its row with it.
/// SQLite writes one transaction at a time and keeps its triggers.
package struct MoveCountersAtCommit: PlatformMigration {
    package static let table = "change_counter_moves"

    /// The counters in the order every transaction moves them.
    private static let counters: [(mark: String, table: String, notify: String?, function: String)] = [
        ("public", PublicRevision.table, PublicRevision.channel, "cohesion_public_changed"),
        ("report", ReportRevision.table, nil, "cohesion_report_changed"),
        ("personal_shared", PersonalRevision.sharedTable, nil, "cohesion_personal_shared_changed"),
    ]

    package func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        try await sql.raw("CREATE TABLE \(ident: Self.table) (transaction_id BIGINT NOT NULL)").run()
        try await sql.raw(
            """
            CREATE FUNCTION cohesion_move_at_commit(counter text) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF current_setting('cohesion.move_' || counter, true) = 'on' THEN RETURN; END IF;
                PERFORM set_config('cohesion.move_' || counter, 'on', true);
                IF current_setting('cohesion.moves_queued', true) IS DISTINCT FROM 'on' THEN
                    PERFORM set_config('cohesion.moves_queued', 'on', true);
                    INSERT INTO \(unsafeRaw: Self.table) (transaction_id) VALUES (txid_current());
                END IF;
            END $$
            """
        ).run()
        let moves = Self.counters.map { counter in
            """
            IF current_setting('cohesion.move_\(counter.mark)', true) = 'on' THEN
                UPDATE \(counter.table) SET value = value + 1 WHERE id = 1;
                \(counter.notify.map { "PERFORM pg_notify('\($0)', '');" } ?? "")
            END IF;
            """
        }
        try await sql.raw(
            """
            CREATE FUNCTION cohesion_move_counters() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                \(unsafeRaw: moves.joined(separator: "\n"))
                DELETE FROM \(unsafeRaw: Self.table) WHERE transaction_id = txid_current();
                RETURN NULL;
            END $$
            """
        ).run()
        try await sql.raw(
            """
            CREATE CONSTRAINT TRIGGER move_counters AFTER INSERT ON \(ident: Self.table)
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION cohesion_move_counters()
            """
        ).run()
        for counter in Self.counters {
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION \(unsafeRaw: counter.function)() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM cohesion_move_at_commit('\(unsafeRaw: counter.mark)'); RETURN NULL; END $$
                """
            ).run()
        }
    }

    package func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase, sql.dialect.name != "sqlite" else { return }
        for counter in Self.counters {
            let notify = counter.notify.map { "PERFORM pg_notify('\($0)', '');" } ?? ""
            try await sql.raw(
                """
                CREATE OR REPLACE FUNCTION \(unsafeRaw: counter.function)() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE \(unsafeRaw: counter.table) SET value = value + 1 WHERE id = 1; \(unsafeRaw: notify) RETURN NULL; END $$
                """
            ).run()
        }
        try await sql.raw("DROP TABLE \(ident: Self.table)").run()
        try await sql.raw("DROP FUNCTION cohesion_move_counters()").run()
        try await sql.raw("DROP FUNCTION cohesion_move_at_commit(text)").run()
    }

    package init() {}
}
