import Fluent
import SQLKit

/// SQLite lets one connection write at a time, and SQLiteNIO's busy handler retries at once,
/// so writers that meet spin on the database threads while the one holding the lock waits for a
/// thread to run on. Hot write paths (seat changes, token use) therefore queue here first, in
/// order of arrival, when the database is SQLite; PostgreSQL's row locks need no such help.
///
/// Take it before a transaction, never inside one, and never twice: a task holding a connection
/// while it waits here could leave the holder of the lock without a connection.
actor SQLiteWriteLock {
    static let shared = SQLiteWriteLock()

    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone among the writers that use this lock (on SQLite), else right away.
    static func serialized<T: Sendable>(on db: any Database, _ body: @Sendable () async throws -> T) async throws -> T {
        guard (db as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await body() }
        await shared.acquire()
        do {
            let result = try await body()
            await shared.release()
            return result
        } catch {
            await shared.release()
            throw error
        }
    }

    private func acquire() async {
        guard held else { held = true; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty { held = false } else { waiting.removeFirst().resume() }
    }
}
