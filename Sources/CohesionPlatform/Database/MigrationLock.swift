import Fluent
import FluentPostgresDriver
import Vapor

/// Brings the schema up to date once, also when several instances start at the same moment on one
/// PostgreSQL database: each takes a session-level advisory lock on a connection of its own (not
/// from the pool the migrations use), so the second waits and then finds nothing left to do.
/// A process that dies drops its connection, and with it the lock.
package enum MigrationLock {
    /// Any constant of our own; it only has to differ from other advisory locks on the server.
    package static let key: Int64 = 0x436F_6865_7369_6F6E  // "Cohesion"

    package static func migrate(_ app: Application, config: AppConfig) async throws {
        try await prepareDatabase(app, config: config)
        guard case .postgres(let url, let schema) = config.database else {
            // SQLite: one file, and its writers take turns already.
            try await SchemaMigrator.migrate(app.features.migrations, on: app.db, logger: app.logger)
            return
        }
        var configuration = try SQLPostgresConfiguration(url: url)
        if let schema { configuration.searchPath = [schema] }
        let connection = try await PostgresConnection.connect(configuration: configuration.coreConfiguration, id: 0, logger: app.logger)
        do {
            _ = try await connection.query("SELECT pg_advisory_lock(\(key))", logger: app.logger)
            try await SchemaMigrator.migrate(app.features.migrations, on: app.db, logger: app.logger)
            _ = try await connection.query("SELECT pg_advisory_unlock(\(key))", logger: app.logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
