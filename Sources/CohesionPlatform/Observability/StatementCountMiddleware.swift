import Logging
import Synchronization
import Vapor

/// Counts the statements one request sends to the database, for `bench/run`'s table of routes.
/// Installed only with `COUNT_STATEMENTS=1`, and then only a request that asks
/// (`X-Count-Statements: 1`) is counted, so the requests being timed pay nothing for it. Both
/// drivers log each statement at debug through the request's logger (as the N+1 guards count
/// them); a statement sent through the application's own database handle is not seen.
package struct StatementCountMiddleware: AsyncMiddleware {
    package static let header = "X-Count-Statements"

    package init() {}

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.headers.first(name: Self.header) == "1" else { return try await next.respond(to: req) }
        let counter = Counter()
        let original = req.logger
        req.logger = Logger(label: original.label) { _ in Counter.Handler(counter: counter, forward: original) }
        let response = try await next.respond(to: req)
        response.headers.replaceOrAdd(name: Self.header, value: String(counter.statements.load(ordering: .relaxed)))
        return response
    }

    final class Counter: Sendable {
        let statements = Atomic<Int>(0)

        /// Counts at debug and passes on what the request's own logger would have written.
        struct Handler: LogHandler {
            let counter: Counter
            let forward: Logger
            var metadata: Logger.Metadata = [:]
            var logLevel: Logger.Level = .debug
            subscript(metadataKey key: String) -> Logger.Metadata.Value? {
                get { metadata[key] }
                set { metadata[key] = newValue }
            }
            func log(event: LogEvent) {
                if event.message.description == "Executing query" { counter.statements.add(1, ordering: .relaxed) }
                guard event.level >= forward.logLevel else { return }
                forward.log(
                    level: event.level, event.message, metadata: event.metadata, source: event.source,
                    file: event.file, function: event.function, line: event.line)
            }
        }
    }
}
