import Fluent
import SQLKit

/// Sums that report pages add up over thousands of ratings, survey answers and networks, kept in
/// memory per instance until the data under them changes. Triggers move a counter on every write
/// to the tables they read (`FeatureCatalog.reportTables`), whoever writes; each use reads the counter
/// (one row by its key) and recomputes when it moved. So every instance on one PostgreSQL sees a
/// change at its next request, with no notification to miss. Only the raw sums are kept: the
/// disclosure threshold is applied to them on every request, as before.
package final class ReportCache: Sendable {
    /// Kept values of different sizes and numbers on shelves of their own, so that many of one kind
    /// (a profile for each of 11,000 Gemeinden, fifty pages of a long list) never push out the sums.
    package enum Shelf: CaseIterable, Sendable {
        /// Sums and whole reports: per phase, edition or survey set, far more than a site's editions ever asks for at once.
        case sums
        /// Few and large: pages of long lists and whole lists of a few thousand rows, up to half a megabyte each.
        case bulky
        /// Many and small: one per entry of a large register (about 10 KB each).
        case numerous

        package var capacity: Int {
            switch self {
            case .sums: 512
            case .bulky: 64
            case .numerous: 1_024
            }
        }
    }

    private let sums = RevisionedValues<Int64>(capacity: Shelf.sums.capacity)
    private let bulky = RevisionedValues<Int64>(capacity: Shelf.bulky.capacity)
    private let numerous = RevisionedValues<Int64>(capacity: Shelf.numerous.capacity)

    private func values(on shelf: Shelf) -> RevisionedValues<Int64> {
        switch shelf {
        case .sums: sums
        case .bulky: bulky
        case .numerous: numerous
        }
    }

    package init() {}

    package func value<T: Sendable>(
        _ key: String, shelf: Shelf = .sums, on db: any SQLDatabase, compute: () async throws -> T
    ) async throws -> T {
        try await values(on: shelf).value(key, at: try await ReportRevision.current(on: db), compute: compute)
    }

    /// Drops every kept value (tests that count statements start each edition cold).
    package func forget() {
        for shelf in Shelf.allCases { values(on: shelf).forget() }
    }
}

extension Optional where Wrapped == ReportCache {
    /// Callers without a cache (commands, tests of the sums themselves) compute every time.
    package func value<T: Sendable>(
        _ key: String, shelf: ReportCache.Shelf = .sums, on db: any SQLDatabase, compute: () async throws -> T
    ) async throws -> T {
        guard let cache = self else { return try await compute() }
        return try await cache.value(key, shelf: shelf, on: db, compute: compute)
    }
}

/// The change counter for what `ReportCache` keeps.
package enum ReportRevision {
    package static let table = "report_revision"

    package static func current(on db: any SQLDatabase) async throws -> Int64 {
        try await ChangeCounter.value(of: table, on: db) ?? 0
    }
}

package struct CreateReportRevision: PlatformMigration {
    /// The tables as they were when this migration landed, never `FeatureCatalog.reportTables`: an
    /// installed database and a fresh one must end up alike. A table watched later gets its
    /// trigger in a migration of its own (the schema test compares both ways of getting there).
    package static let watched = [
        "self_assessments", "assessment_phases", "profiles", "regions", "region_figures", "editions",
        "competence_areas", "surveys", "survey_questions", "survey_answers", "network_actors", "network_ties",
    ]

    package func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        let table = ReportRevision.table
        try await ChangeCounter.create(table, on: sql)
        if sql.dialect.name != "sqlite" {
            try await sql.raw(
                """
                CREATE FUNCTION cohesion_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE \(unsafeRaw: table) SET value = value + 1 WHERE id = 1; RETURN NULL; END $$
                """
            ).run()
        }
        for target in Self.watched { try await ReportTriggers.create(on: target, sql) }
    }

    package func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for target in Self.watched { try await ReportTriggers.drop(on: target, sql) }
        if sql.dialect.name != "sqlite" { try await sql.raw("DROP FUNCTION IF EXISTS cohesion_report_changed()").run() }
        try await sql.raw("DROP TABLE \(ident: ReportRevision.table)").run()
    }

    package init() {}
}

/// The triggers that count `report_revision` up on every write to one table, whoever writes.
/// A registration's seat counter (`parts.registration_sequence`) moves no report, so it moves no
/// counter. On PostgreSQL the counter moves at the commit (`MoveCountersAtCommit`).
package enum ReportTriggers {
    package static func create(on target: String, _ sql: any SQLDatabase) async throws {
        let sqlite = sql.dialect.name == "sqlite"
        let condition = CreatePublicRevision.condition(target, sqlite: sqlite)
        if sqlite {
            // SQLite has row triggers only, one per event.
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try await sql.raw(
                    """
                    CREATE TRIGGER \(unsafeRaw: "report_\(target)_\(event.lowercased())") AFTER \(unsafeRaw: event) ON \(ident: target)
                    \(unsafeRaw: event == "UPDATE" ? condition : "") BEGIN UPDATE \(ident: ReportRevision.table) SET value = value + 1 WHERE id = 1; END
                    """
                ).run()
            }
        } else {
            try await sql.raw(
                """
                CREATE TRIGGER report_changed AFTER INSERT OR DELETE OR TRUNCATE \(unsafeRaw: condition.isEmpty ? "OR UPDATE " : "")ON \(ident: target)
                FOR EACH STATEMENT EXECUTE FUNCTION cohesion_report_changed()
                """
            ).run()
            if !condition.isEmpty {
                try await sql.raw(
                    """
                    CREATE TRIGGER report_changed_update AFTER UPDATE ON \(ident: target)
                    FOR EACH ROW \(unsafeRaw: condition) EXECUTE FUNCTION cohesion_report_changed()
                    """
                ).run()
            }
        }
    }

    package static func drop(on target: String, _ sql: any SQLDatabase) async throws {
        if sql.dialect.name == "sqlite" {
            for event in ["insert", "update", "delete"] {
                try await sql.raw("DROP TRIGGER IF EXISTS \(unsafeRaw: "report_\(target)_\(event)")").run()
            }
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS report_changed ON \(ident: target)").run()
            try await sql.raw("DROP TRIGGER IF EXISTS report_changed_update ON \(ident: target)").run()
        }
    }
}

/// Whole report pages are kept (the partner's impact report, the coverage of networks), so every
/// table they read must move the counter, not only those the sums were built from.
package struct WatchTablesOfWholeReports: AsyncMigration {
    /// As when this migration landed (see `CreateReportRevision.watched`).
    package static let watched = [
        "users", "programmes", "parts", "units", "unit_competence_areas", "edition_members", "registrations", "attendances", "certificates",
        "network_snapshots", "survey_responses", "need_decisions", "practice_projects", "follow_up_phases", "follow_up_responses", "peer_directory",
        "completion_rules", "completion_exceptions", "impact_report_templates", "data_sheet_templates",
    ]

    package func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for target in Self.watched { try await ReportTriggers.create(on: target, sql) }
    }

    package func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for target in Self.watched { try await ReportTriggers.drop(on: target, sql) }
    }

    package init() {}
}

/// A one-row table whose value triggers count up: what a cache compares to know its data is current.
package enum ChangeCounter {
    package static func create(_ table: String, on sql: any SQLDatabase) async throws {
        try await sql.raw("CREATE TABLE \(ident: table) (id INTEGER PRIMARY KEY, value BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO \(ident: table) (id, value) VALUES (1, 1)").run()
    }

    package static func value(of table: String, on sql: any SQLDatabase) async throws -> Int64? {
        struct Row: Decodable { let value: Int64 }
        return try await sql.raw("SELECT value FROM \(ident: table) WHERE id = 1").first(decoding: Row.self)?.value
    }
}
