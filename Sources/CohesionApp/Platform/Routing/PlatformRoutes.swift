import Vapor
import CohesionCore

/// What every instance answers besides the features: the health check and the assets.
enum PlatformRoutes: Feature {
    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let open = AccessRule.everyone("öffentlich")
        routes.get(SiteURL.healthz, open, use: healthz)
        routes.get(SiteURL.stylesheet, open) { _ in asset(Stylesheet.css, type: "css") }
        routes.get(SiteURL.script, open) { _ in asset(Script.js, type: "javascript") }
        MetricsRoute.register(on: routes)
    }

    @Sendable static func healthz(req: Request) async throws -> Response {
        struct Health: Content { let status: String; let database: String }
        do {
            _ = try await req.sql.raw("SELECT 1 AS ok").first()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed", metadata: ["error": "\(error)"])
            let response = try await Health(status: "error", database: "nicht erreichbar").encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }

    /// Assets have their content's fingerprint in the URL, so they can be cached for good.
    private static func asset(_ text: String, type: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: type, parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
