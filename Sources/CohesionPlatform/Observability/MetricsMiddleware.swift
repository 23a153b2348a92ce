import Vapor

/// Counts every request and its latency, errors included (it sits outside the error pages).
package struct MetricsMiddleware: AsyncMiddleware {
    package let metrics: AppMetrics

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await next.respond(to: req)
        let route = req.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "nicht gefunden"
        metrics.request(route: route, method: req.method.rawValue, status: response.status.code, duration: clock.now - start)
        return response
    }
}
