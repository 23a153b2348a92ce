import Fluent
import SQLKit

/// Hot write paths queue here, in order of arrival, before they take a connection.
///
/// SQLite lets one connection write at a time, and SQLiteNIO's busy handler retries at once,
/// so writers that meet spin on the database threads while the one holding the lock waits for a
/// thread to run on: token use and seat changes queue here on SQLite. Seat changes queue on
/// PostgreSQL too: those of one part wait for its row lock anyway, and waiting here instead of
/// holding a pooled connection keeps the connections free for everyone else, so a burst of
/// registrations waits its turn instead of running out of connections (503).
///
/// Take it before a transaction, never inside one, and never twice: a task holding a connection
/// while it waits here could leave the holder of the lock without a connection.
package actor WriteQueue {
    package static let shared = WriteQueue()

    private var held = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Runs `body` alone among the writers that queue here: on SQLite, or on every database when
    /// `onlySQLite` is false; else right away.
    package static func serialized<T: Sendable>(on db: any Database, onlySQLite: Bool = true, _ body: @Sendable () async throws -> T) async throws -> T {
        guard !onlySQLite || (db as? any SQLDatabase)?.dialect.name == "sqlite" else { return try await body() }
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
