import Fluent
import SQLKit
import Vapor

/// `GET /metrics`: for the monitoring, not for the public. With `METRICS_TOKEN` set it needs
/// `Authorization: Bearer <token>`; without, it answers only a scraper on the same host. A request
/// that came through a reverse proxy (it carries `X-Forwarded-For` or `Forwarded`) also arrives
/// from loopback when nginx runs on the same host, so it is refused too. Anyone else gets 404.
package enum MetricsRoute {
    package static func register(on routes: any RoutesBuilder) {
        routes.get(SiteURL.metrics, AccessRule.everyone("intern: mit METRICS_TOKEN oder nur von localhost"), use: metrics)
    }

    @Sendable package static func metrics(req: Request) async throws -> Response {
        guard mayRead(req) else { throw AppError.notFound }
        struct Count: Decodable { let count: Int }
        let services = req.cohesion
        let backlog = try await req.sql.raw("SELECT COUNT(*) AS count FROM outbox WHERE sent_at IS NULL").first(decoding: Count.self)?.count ?? 0
        let failing =
            try await req.sql.raw("SELECT COUNT(*) AS count FROM outbox WHERE sent_at IS NULL AND last_error IS NOT NULL")
            .first(decoding: Count.self)?.count ?? 0
        services.metrics.gauge("outbox_backlog", unit: "messages", help: "noch nicht zugestellte E-Mails", value: Double(backlog))
        services.metrics.gauge("outbox_failing", unit: "messages", help: "E-Mails, deren letzter Zustellversuch fehlschlug", value: Double(failing))
        let admission = services.admission.counts
        services.metrics.gauge(
            "requests_inside", unit: "", help: "Anfragen, die gerade bearbeitet werden (höchstens MAX_REQUESTS_INSIDE)", value: Double(admission.inside))
        services.metrics.gauge("requests_waiting", unit: "", help: "Anfragen, die am Eingang warten", value: Double(admission.waiting))
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: services.metrics.registry.emitToString()))
    }

    private static func mayRead(_ req: Request) -> Bool {
        if let token = req.cohesion.config.metricsToken {
            return req.headers.bearerAuthorization?.token == token
        }
        let peer = req.remoteAddress?.ipAddress ?? ""
        let proxied = req.headers.contains(name: .xForwardedFor) || req.headers.contains(name: .forwarded)
        return (peer == "127.0.0.1" || peer == "::1") && !proxied
    }
}

extension SiteURL {
    package static var metrics: SiteURL { SiteURL(["metrics"]) }
}
