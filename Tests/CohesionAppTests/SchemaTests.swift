import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// Migrations that cannot wedge a database and do not move under installed ones.
@Suite("Schema and migrations", .serialized)
struct SchemaTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema")
    static var dialect: String { TestDatabase.isPostgres ? "postgres" : "sqlite" }

    /// An application on a database without any table, and a way to remove it again.
    static func withEmptyDatabase(_ body: (Application) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database: AppConfig.Database =
            TestDatabase.isPostgres
            ? try await TemplateDatabase.shared.emptyPostgres() : .sqlite(path: directory.appendingPathComponent("leer.sqlite").path)
        let app = try await TemplateDatabase.application(database, directory: directory)
        do {
            try await prepareDatabase(app, config: app.cohesion.config)
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            await TemplateDatabase.shared.drop(database)
            throw error
        }
        try await app.asyncShutdown()
        await TemplateDatabase.shared.drop(database)
    }

    /// The migrations of the last release, in order, and the schema they made on each database.
    static func release() throws -> (migrations: [String], schema: [String]) {
        let names = try String(contentsOf: fixtures.appendingPathComponent("release-migrations.txt"), encoding: .utf8)
        let schema = try String(contentsOf: fixtures.appendingPathComponent("release-schema.\(dialect).txt"), encoding: .utf8)
        return (names.split(separator: "\n").map(String.init), schema.split(separator: "\n").map(String.init))
    }

    @Test("a database installed at the last release and brought up to date has the schema of a fresh one: tables, columns, indexes, triggers")
    func installedEqualsFresh() async throws {
        var fresh: [String] = []
        try await withApp { app, _ in fresh = try await SchemaDescription.lines(of: app.db) }
        // At a release: `SCHEMA_RECORD=1 swift test --filter SchemaTests` on each database keeps what it installs.
        if ProcessInfo.processInfo.environment["SCHEMA_RECORD"] == "1" {
            try FeatureCatalog.cohesion.migrations.map(\.name).joined(separator: "\n").appending("\n")
                .write(to: Self.fixtures.appendingPathComponent("release-migrations.txt"), atomically: true, encoding: .utf8)
            try fresh.joined(separator: "\n").appending("\n")
                .write(to: Self.fixtures.appendingPathComponent("release-schema.\(Self.dialect).txt"), atomically: true, encoding: .utf8)
            return
        }
        let released = try Self.release()
        try await Self.withEmptyDatabase { app in
            // The released migrations keep their names and order; new ones only come after them.
            #expect(Array(FeatureCatalog.cohesion.migrations.prefix(released.migrations.count)).map(\.name) == released.migrations)
            try await SchemaMigrator.migrate(Array(FeatureCatalog.cohesion.migrations.prefix(released.migrations.count)), on: app.db, logger: app.logger)
            let installed = try await SchemaDescription.lines(of: app.db)
            #expect(
                installed == released.schema,
                "the released migrations, as the code has them now, still make the released schema:\n\(Self.difference(installed, released.schema))")
            try await SchemaMigrator.migrate(FeatureCatalog.cohesion.migrations, on: app.db, logger: app.logger)
            let upgraded = try await SchemaDescription.lines(of: app.db)
            #expect(upgraded == fresh, "\(Self.difference(upgraded, fresh))")
        }
    }

    /// The lines only one side has, marked - and +, for a readable failure.
    static func difference(_ actual: [String], _ expected: [String]) -> String {
        let missing = Set(expected).subtracting(actual).sorted().map { "- " + $0 }
        let extra = Set(actual).subtracting(expected).sorted().map { "+ " + $0 }
        return (missing + extra).joined(separator: "\n")
    }

    @Test("the change counters' triggers cover exactly the tables the caches watch")
    func triggersCoverWatchedTables() async throws {
        try await withApp { app, _ in
            let lines = try await SchemaDescription.lines(of: app.db)
            for (prefix, watched) in [
                ("report_", FeatureCatalog.cohesion.reportTables), ("public_", FeatureCatalog.cohesion.publicPageTables + ["users"]),
                ("personal_", FeatureCatalog.cohesion.personalPageTables.map(\.table)),
            ] {
                let triggered = Set(
                    lines.filter { $0.hasPrefix("trigger ") }.compactMap { line -> String? in
                        let words = line.split(separator: " ")
                        // SQLite: "trigger report_units_insert: …" names the table in the statement; PostgreSQL: "trigger units report_changed: …".
                        if TestDatabase.isPostgres { return words[2].hasPrefix(prefix) ? String(words[1]) : nil }
                        guard words[1].hasPrefix(prefix), let on = words.firstIndex(of: "ON") else { return nil }
                        return words[on + 1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                    })
                #expect(triggered == Set(watched), "\(prefix): \(triggered.symmetricDifference(watched).sorted())")
            }
        }
    }

    struct FailsAfterDDL: AsyncMigration {
        var name: String { "TestFailsAfterDDL" }
        func prepare(on database: any Database) async throws {
            let sql = database as! any SQLDatabase
            try await sql.raw("CREATE TABLE half_made (id INTEGER PRIMARY KEY)").run()
            // A trigger on a table that is not there, as a migration written against a later schema would try.
            if sql.dialect.name == "postgresql" {
                try await sql.raw("CREATE FUNCTION half_made_changed() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$").run()
                try await sql.raw("CREATE TRIGGER half_made_changed AFTER INSERT ON nicht_da FOR EACH ROW EXECUTE FUNCTION half_made_changed()").run()
            } else {
                try await sql.raw("CREATE TRIGGER half_made_changed AFTER INSERT ON nicht_da BEGIN SELECT 1; END").run()
            }
        }
        func revert(on database: any Database) async throws {}
    }

    struct Works: AsyncMigration {
        var name: String { "TestFailsAfterDDL" }
        func prepare(on database: any Database) async throws {
            try await (database as! any SQLDatabase).raw("CREATE TABLE half_made (id INTEGER PRIMARY KEY)").run()
        }
        func revert(on database: any Database) async throws {}
    }

    @Test("a migration that fails leaves the schema as it was, names the database's own error, and the next migrate carries on")
    func failedMigrationRollsBack() async throws {
        try await withApp { app, _ in
            let before = try await SchemaDescription.lines(of: app.db)
            let failure = await #expect(throws: SchemaMigrator.MigrationFailed.self) {
                try await SchemaMigrator.migrate(FeatureCatalog.cohesion.migrations + [FailsAfterDDL()], on: app.db, logger: app.logger)
            }
            #expect(try await SchemaDescription.lines(of: app.db) == before, "no table, function or record left behind")
            let message = CommandErrorMessage(try #require(failure)).text
            #expect(message.hasPrefix("Die Migration TestFailsAfterDDL ist fehlgeschlagen; das Schema ist so geblieben, wie es davor war."))
            #expect(message.contains("nicht_da") && !message.contains("Generic description"), "\(message)")
            if TestDatabase.isPostgres { #expect(message.contains("SQLSTATE 42P01"), "\(message)") }
            #expect(try await SchemaMigrator.migrate(FeatureCatalog.cohesion.migrations + [Works()], on: app.db, logger: app.logger) == ["TestFailsAfterDDL"])
            #expect(try await MigrationLog.query(on: app.db).filter(\.$name == "TestFailsAfterDDL").count() == 1)
        }
    }
}
