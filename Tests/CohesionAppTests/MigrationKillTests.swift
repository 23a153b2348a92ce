import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor

@testable import CohesionApp

/// `cohesion migrate` killed part-way, as `| head` or a power cut would: each migration commits
/// with its record or not at all, so the next `migrate` finishes the job on SQLite and PostgreSQL.
@Suite("Migrate killed part-way", .serialized)
struct MigrationKillTests {
    /// Runs `cohesion migrate` with every statement logged and kills it after `lines` lines of log.
    static func killMigrate(after lines: Int, environment: [String: String]) throws -> Int32 {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["migrate", "--log", "debug"]
        process.environment = environment
        let output = Pipe()
        // The smallest pipe Linux allows (F_SETPIPE_SZ, one page): the process blocks once it is a page
        // ahead of our reading, so the kill lands near the line counted, not after the whole run.
        _ = fcntl(output.fileHandleForWriting.fileDescriptor, 1031, 4096)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var seen = 0
        var buffer = Data()
        while seen < lines {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
            seen = buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        }
        kill(process.processIdentifier, SIGKILL)
        try? output.fileHandleForReading.close()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus
    }

    @Test(
        "killed after 20, 100, 200 and 300 of its about 500 lines of log, the next migrate brings the database up to the schema of a fresh one",
        arguments: [20, 100, 200, 300])
    func killAndCarryOn(lines: Int) async throws {
        var fresh: [String] = []
        try await withApp { app, _ in fresh = try await SchemaDescription.lines(of: app.db) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["MAIL_DIR"] = directory.appendingPathComponent("mail").path
        environment.removeValue(forKey: "LOG_LEVEL")
        let database: AppConfig.Database
        if TestDatabase.isPostgres {
            database = try await TemplateDatabase.shared.emptyPostgres()
            if case .postgres(let url, _) = database { environment["DATABASE_URL"] = url }
        } else {
            database = .sqlite(path: directory.appendingPathComponent("abgebrochen.sqlite").path)
            environment.removeValue(forKey: "DATABASE_URL")
            if case .sqlite(let path) = database { environment["COHESION_DB"] = path }
        }

        _ = try Self.killMigrate(after: lines, environment: environment)
        let recorded = try await Self.recordedMigrations(database, directory: directory)
        #expect(recorded.count < FeatureCatalog.cohesion.migrations.count, "killed before the end (\(recorded.count) recorded)")
        #expect(recorded == Array(FeatureCatalog.cohesion.migrations.prefix(recorded.count)).map(\.name), "only whole migrations, in order")

        let next = try CommandLineTests.run(["migrate"], environment: environment, in: nil)
        #expect(next.status == 0 && next.errors.isEmpty, "\(next.errors)")
        #expect(
            next.output.hasSuffix("Datenbank ist auf dem neuesten Stand (\(FeatureCatalog.cohesion.migrations.count) Migrationen angewendet).\n"),
            "\(next.output)")
        let app = try await TemplateDatabase.application(database, directory: directory)
        let repaired = try await SchemaDescription.lines(of: app.db)
        try await app.asyncShutdown()
        #expect(repaired == fresh)
        await TemplateDatabase.shared.drop(database)
    }

    /// The names in `_fluent_migrations`, in the order they were applied; none when the table is not there yet.
    static func recordedMigrations(_ database: AppConfig.Database, directory: URL) async throws -> [String] {
        let app = try await TemplateDatabase.application(database, directory: directory)
        let lines = try await SchemaDescription.lines(of: app.db)
        let names = lines.contains(where: { $0.contains("_fluent_migrations") }) ? try await MigrationLog.query(on: app.db).all(\.$name) : []
        try await app.asyncShutdown()
        let order = Dictionary(uniqueKeysWithValues: FeatureCatalog.cohesion.migrations.enumerated().map { ($1.name, $0) })
        return names.sorted { (order[$0] ?? .max) < (order[$1] ?? .max) }
    }
}
