import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

@testable import CohesionApp

/// The schema is migrated once per test run into a template, and each test gets a copy: a file
/// copy on SQLite, `CREATE DATABASE … TEMPLATE` on PostgreSQL. So the suite's time does not grow
/// with the number of migrations. A PostgreSQL template stays on the server after the run (the
/// throwaway cluster of `scripts/test` goes with it).
actor TemplateDatabase {
    static let shared = TemplateDatabase()

    enum Template: Sendable {
        case sqliteFile(String)
        case postgres(name: String)
    }

    private var template: Task<Template, any Error>?
    /// A connection to the server's test database, kept for the run, that creates and drops the copies.
    private var admin: Application?

    func prepared() async throws -> Template {
        if let template { return try await template.value }
        let task = Task { try await build() }
        template = task
        return try await task.value
    }

    /// A fresh copy for one test: the SQLite path to use, or the PostgreSQL database name.
    func copy(into directory: URL) async throws -> AppConfig.Database {
        switch try await prepared() {
        case .sqliteFile(let path):
            let target = directory.appendingPathComponent("cohesion.sqlite").path
            try FileManager.default.copyItem(atPath: path, toPath: target)
            return .sqlite(path: target)
        case .postgres(let name):
            let copy = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
            try await adminSQL().raw("CREATE DATABASE \(ident: String(copy)) TEMPLATE \(ident: name)").run()
            return .postgres(url: try Self.url(database: String(copy)), schema: nil)
        }
    }

    /// A PostgreSQL database without any table, for what must happen to an empty one (several instances migrating at once).
    func emptyPostgres() async throws -> AppConfig.Database {
        // The template's build makes the one admin connection; asking for it first would race that build.
        _ = try await prepared()
        let name = "e_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
        try await adminSQL().raw("CREATE DATABASE \(ident: String(name))").run()
        return .postgres(url: try Self.url(database: String(name)), schema: nil)
    }

    func drop(_ database: AppConfig.Database) async {
        guard case .postgres(let url, _) = database, let name = URL(string: url)?.lastPathComponent else { return }
        try? await adminSQL().raw("DROP DATABASE IF EXISTS \(ident: name) WITH (FORCE)").run()
    }

    /// One folder per test process, removed when the process ends.
    static let directory = FileManager.default.temporaryDirectory
        .appendingPathComponent("cohesion-template-\(ProcessInfo.processInfo.processIdentifier)")

    private func build() async throws -> Template {
        let directory = Self.directory
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TemplateDatabase.directory) }
        if TestDatabase.isPostgres {
            let name = "tpl_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(24)
            try await adminSQL().raw("CREATE DATABASE \(ident: String(name))").run()
            try await migrate(.postgres(url: try Self.url(database: String(name)), schema: nil), directory: directory)
            return .postgres(name: String(name))
        }
        let path = directory.appendingPathComponent("template.sqlite").path
        try await migrate(.sqlite(path: path), directory: directory)
        return .sqliteFile(path)
    }

    private func migrate(_ database: AppConfig.Database, directory: URL) async throws {
        let app = try await Self.application(database, directory: directory)
        do {
            try await MigrationLock.migrate(app, config: app.cohesion.config)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        // Closing the last connection checkpoints the WAL into the main file, so a copy of that
        // one file is the whole database.
        try await app.asyncShutdown()
    }

    private func adminSQL() async throws -> any SQLDatabase {
        if admin == nil {
            guard let url = TestDatabase.postgresURL else { throw Abort(.internalServerError, reason: "DATABASE_URL fehlt") }
            admin = try await Self.application(.postgres(url: url, schema: nil), directory: Self.directory)
        }
        guard let sql = admin?.db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "keine SQL-Datenbank") }
        return sql
    }

    static func application(
        _ database: AppConfig.Database, directory: URL, environment: [String: String] = [:]
    ) async throws -> Application {
        var env = ["BCRYPT_COST": "4", "DATABASE_POOL_WAIT_SECONDS": "600", "MAIL_DIR": directory.appendingPathComponent("mail").path]
        env.merge(environment) { _, given in given }
        switch database {
        case .sqlite(let path): env["COHESION_DB"] = path
        case .postgres(let url, _): env["DATABASE_URL"] = url
        }
        let app = try await Application.make(.testing)
        app.logger.logLevel = .warning
        do {
            try await configure(app, config: try AppConfig.fromEnvironment(env))
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        return app
    }

    /// The server's URL with another database name.
    static func url(database: String) throws -> String {
        guard let base = TestDatabase.postgresURL, var components = URLComponents(string: base) else {
            throw Abort(.internalServerError, reason: "DATABASE_URL fehlt")
        }
        components.path = "/" + database
        guard let url = components.string else { throw Abort(.internalServerError, reason: "DATABASE_URL unlesbar") }
        return url
    }
}
