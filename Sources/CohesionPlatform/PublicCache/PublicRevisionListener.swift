import FluentPostgresDriver
import PostgresNIO
import Vapor

/// Listens on PostgreSQL for changes that other instances commit to what public pages show, and
/// ends this instance's cache generation on each. The connection is its own (a listening
/// connection cannot go back to the pool); after it breaks, the cache starts over, since
/// notifications may have been missed meanwhile, and the listener connects again.
package struct PublicRevisionListener: LifecycleHandler {
    package final class Running: @unchecked Sendable {
        // Set in didBoot and read in shutdown, both on the application's boot and shutdown path.
        package var task: Task<Void, Never>?
    }

    package let configuration: PostgresConnection.Configuration
    package let cache: PublicPageCache
    package let running = Running()

    package func didBootAsync(_ application: Application) async throws {
        let logger = application.logger
        let eventLoop = application.eventLoopGroup.any()
        running.task = Task { [configuration, cache] in
            var attempt = 0
            while !Task.isCancelled {
                do {
                    let connection = try await PostgresConnection.connect(on: eventLoop, configuration: configuration, id: 0, logger: logger)
                    attempt = 0
                    do {
                        try await withTaskCancellationHandler {
                            try await connection.listen(on: PublicRevision.channel) { notifications in
                                cache.invalidate()
                                cache.setListening(true)
                                for try await _ in notifications { cache.invalidate() }
                            }
                        } onCancel: {
                            connection.close().whenComplete { _ in }
                        }
                    } catch {
                        try? await connection.close()
                        throw error
                    }
                    try? await connection.close()
                } catch {
                    if Task.isCancelled { break }
                    logger.warning("Öffentliche Seiten: Verbindung für Änderungsmeldungen verloren (\(String(reflecting: error))); neuer Versuch.")
                }
                cache.setListening(false)
                cache.invalidate()
                attempt += 1
                try? await Task.sleep(for: .milliseconds(min(5_000, 100 * (1 << min(attempt, 6)))))
            }
        }
    }

    package func shutdownAsync(_ application: Application) async {
        running.task?.cancel()
        _ = await running.task?.value
    }
}
