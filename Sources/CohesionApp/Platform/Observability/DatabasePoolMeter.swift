import NIOCore
import Prometheus

/// The connection pool's figures for `/metrics`: how many connections it may open, how many
/// database calls are holding or waiting for one right now, and how often a request gave up
/// waiting (answered 503). In flight at or above the pool's size means requests queue for the
/// database; timeouts mean they waited longer than `DATABASE_POOL_WAIT_SECONDS`.
final class DatabasePoolMeter: Sendable {
    private let inFlight: Gauge
    private let timeouts: Counter

    init(registry: PrometheusCollectorRegistry, connections: Int) {
        registry.makeGauge(descriptor: .init(namespace: "cohesion", metricName: "database_pool_connections", unitName: nil,
                                             helpText: "Verbindungen, die der Pool höchstens öffnet (alle Event-Loops)"))
            .set(Int64(connections))
        inFlight = registry.makeGauge(descriptor: .init(namespace: "cohesion", metricName: "database_pool_in_flight", unitName: nil,
                                                        helpText: "Datenbankaufrufe, die gerade eine Verbindung halten oder auf eine warten"))
        timeouts = registry.makeCounter(descriptor: .init(namespace: "cohesion", metricName: "database_pool_timeouts", unitName: "total",
                                                          helpText: "Anfragen, die länger als DATABASE_POOL_WAIT_SECONDS auf eine Verbindung warteten (503)"))
    }

    func counting<T>(_ call: () -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        inFlight.increment()
        return call().always { [inFlight] _ in inFlight.decrement() }
    }

    func counting<T>(_ call: () async throws -> T) async throws -> T {
        inFlight.increment()
        defer { inFlight.decrement() }
        return try await call()
    }

    func timedOut() { timeouts.increment() }
}
