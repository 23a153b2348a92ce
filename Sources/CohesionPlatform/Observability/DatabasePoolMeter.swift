import Prometheus

/// The connection pool's figures for `/metrics`: how many connections it may open, and how often
/// a request gave up waiting for one (answered 503). AsyncKit keeps the counts of connections in
/// use private; a wrapper around the pool-level database that counted them cost about 13 % of
/// Mein Programm's throughput on PostgreSQL (measured with and without), so it is not kept.
package final class DatabasePoolMeter: Sendable {
    private let timeouts: Counter

    package init(registry: PrometheusCollectorRegistry, connections: Int) {
        registry.makeGauge(
            descriptor: .init(
                namespace: "cohesion", metricName: "database_pool_connections", unitName: "",
                helpText: "Verbindungen, die der Pool höchstens öffnet (alle Event-Loops)")
        )
        .set(Int64(connections))
        timeouts = registry.makeCounter(
            descriptor: .init(
                namespace: "cohesion", metricName: "database_pool_timeouts", unitName: "total",
                helpText: "Anfragen, die länger als DATABASE_POOL_WAIT_SECONDS auf eine Verbindung warteten (503)"))
    }

    package func timedOut() { timeouts.increment() }
}
