import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// `/metrics` for the monitoring: Prometheus text with requests, latency, login failures and the
/// outbox; only with the token, or without one only on the loopback interface.
@Suite("Metrics")
struct MetricsTests {
    static let token = "geheim-und-lang-genug-1234"

    @Test("with the token: requests by route and status, latency, login failures and the outbox backlog; without it 404")
    func withToken() async throws {
        try await withApp(environment: ["METRICS_TOKEN": Self.token]) { app, _ in
            let fixture = try await Fixture.load(app)
            var visitor = Browser(app)
            try await visitor.get("/")
            try await visitor.get("/teile/\(fixture.partID)")
            try await visitor.get("/gibt-es-nicht")
            try await visitor.get(SiteURL.login.path)
            try await visitor.post(SiteURL.login.path, [("email", "niemand@example.org"), ("password", "falsch")])
            try await Mailer.enqueue(to: "x@example.org", subject: "Test", body: "Test", on: app.db)

            #expect(try await visitor.get("/metrics").status == .notFound, "no token, no metrics")
            var scraper = Browser(app)
            scraper.bearer = "falsch-falsch-falsch-falsch"
            #expect(try await scraper.get("/metrics").status == .notFound)
            scraper.bearer = Self.token
            let metrics = try await scraper.get("/metrics")
            #expect(metrics.status == .ok && metrics.headers.contentType?.description.hasPrefix("text/plain") == true)
            let text = metrics.text
            #expect(text.contains(#"cohesion_http_requests_total{route="/",method="GET",status="200"} 1"#))
            #expect(text.contains(#"cohesion_http_requests_total{route="/teile/:part",method="GET",status="200"} 1"#), "the pattern, not the id")
            #expect(text.contains(#"route="nicht gefunden",method="GET",status="404""#))
            #expect(text.contains(#"cohesion_http_request_duration_seconds_bucket{route="/",le="+Inf"} 1"#))
            #expect(text.contains(#"cohesion_login_failures_total{throttled="false"} 1"#))
            #expect(text.contains("cohesion_outbox_backlog_messages 1"))
        }
    }

    @Test("without a token only a scraper on the same host gets the metrics, not a request forwarded by a proxy")
    func loopbackOnly() async throws {
        try await withApp { app, _ in
            var local = ProxiedBrowser(app, forwardedFor: nil)
            let fromLocal = try await local.get("/metrics")
            #expect(fromLocal.status == .ok)
            var throughProxy = ProxiedBrowser(app, forwardedFor: "203.0.113.5")
            let proxied = try await throughProxy.get("/metrics")
            #expect(proxied.status == .notFound, "nginx on the same host forwards from loopback: still not for the public")
            var remote = ProxiedBrowser(app, forwardedFor: nil)
            remote.peer = "198.51.100.20"
            let fromRemote = try await remote.get("/metrics")
            #expect(fromRemote.status == .notFound)
        }
    }
}
