import Foundation
import Prometheus

/// The application's metrics in Prometheus form (swift-prometheus): requests by route and status,
/// their latency, login failures, the database pool (`DatabasePoolMeter`); the outbox's backlog
/// and failures are read from the database when `/metrics` is scraped. Routes are labelled by their pattern (`/teile/:partID`), so the
/// number of series stays bounded whatever addresses clients try.
package final class AppMetrics: Sendable {
    package let registry: PrometheusCollectorRegistry
    private let publicCacheHits: Counter
    package let databasePool: DatabasePoolMeter

    package init(databaseConnections: Int) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        databasePool = DatabasePoolMeter(registry: registry, connections: databaseConnections)
        publicCacheHits = registry.makeCounter(
            descriptor: .init(
                namespace: "cohesion", metricName: "public_cache_hits", unitName: "total",
                helpText: "öffentliche Seiten aus dem Speicher beantwortet (ohne Sitzung)"))
    }
    package static let latencyBuckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    package func request(route: String, method: String, status: UInt, duration: Duration) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "cohesion", metricName: "http_requests", unitName: "total",
                helpText: "HTTP-Anfragen nach Route, Methode und Status"),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "cohesion", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Antwortzeit nach Route"),
            labels: [("route", route)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// Public pages answered from memory skip the per-route figures, which would cost them more than the answer.
    package func publicCacheHit() { publicCacheHits.increment() }

    package func loginFailure(throttled: Bool) {
        registry.makeCounter(
            descriptor: .init(
                namespace: "cohesion", metricName: "login_failures", unitName: "total",
                helpText: "fehlgeschlagene Anmeldungen; throttled: wegen zu vieler Versuche abgewiesen"),
            labels: [("throttled", throttled ? "true" : "false")]
        ).increment()
    }

    package func gauge(_ name: String, unit: String, help: String, value: Double) {
        registry.makeGauge(descriptor: .init(namespace: "cohesion", metricName: name, unitName: unit, helpText: help)).set(value)
    }
}
