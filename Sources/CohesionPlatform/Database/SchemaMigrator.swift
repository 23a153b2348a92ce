import Fluent
import Foundation
import Logging

/// Brings the schema up to date one migration at a time, each together with its record in
/// `_fluent_migrations` in one transaction (SQLite and PostgreSQL both undo DDL on rollback).
/// A migrate that is killed, or a migration that fails, leaves the schema as the last whole
/// migration left it, and the next run carries on from there. Fluent's own migrator writes the
/// record after the migration has committed, so a kill between the two wedged a database.
package enum SchemaMigrator {
    /// Applies what is missing, in order; returns the names applied by this run.
    @discardableResult
    package static func migrate(_ migrations: [any Migration], on db: any Database, logger: Logger) async throws -> [String] {
        try await MigrationLog.migration.prepare(on: db).get()  // creates the record table if missing, else nothing
        let done = Set(try await MigrationLog.query(on: db).all(\.$name))
        let batch = (try await MigrationLog.query(on: db).max(\.$batch) ?? 0) + 1
        var applied: [String] = []
        for migration in migrations where !done.contains(migration.name) {
            do {
                try await db.transaction { tx in
                    // The record first: its write takes SQLite's write lock before anything is read, and a second
                    // process migrating at the same moment stops at the unique name instead of a half-made table.
                    try await MigrationLog(name: migration.name, batch: batch).create(on: tx)
                    try await migration.prepare(on: tx).get()
                }
            } catch {
                if try await MigrationLog.query(on: db).filter(\.$name == migration.name).first() != nil { continue }
                throw MigrationFailed(name: migration.name, underlying: error)
            }
            logger.info("Migration \(migration.name) angewendet")
            applied.append(migration.name)
        }
        return applied
    }

    /// Which migration failed, with the database's own error for `CommandErrorMessage` to name.
    package struct MigrationFailed: Error, CustomStringConvertible {
        package let name: String
        package let underlying: any Error
        package var description: String { "Migration \(name) fehlgeschlagen: \(String(describing: underlying))" }
    }
}
