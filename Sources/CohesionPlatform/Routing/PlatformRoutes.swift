import CohesionCore
import Vapor

/// What every instance answers besides the features: the health check and the assets.
package enum PlatformRoutes: Feature {
    package static let publicCacheRoutes: [any SitePath] = [SiteURL.favicon]

    package static let commands = [
        FeatureCommand("migrate", MigrateDatabaseCommand()),
        FeatureCommand("create-user", CreateUserCommand()),
        FeatureCommand("backup", SiteFileCommand.backup),
        FeatureCommand("restore", SiteFileCommand.restore),
        FeatureCommand("export", SiteFileCommand.export),
        FeatureCommand("import", SiteFileCommand.import),
        FeatureCommand("access-table", AccessTableCommand()),
    ]

    /// The outbox is tried again every minute, for messages whose first delivery failed.
    package static let workers = [OutboxWorker.make()]

    package static func register(on routes: any RoutesBuilder, app: Application) throws {
        let open = AccessRule.everyone("öffentlich")
        routes.get(SiteURL.healthz, open, use: healthz)
        let features = app.features
        routes.get(features.stylesheetURL, open) { _ in asset(features.stylesheet, type: "css") }
        routes.get(SiteURL.script, open) { _ in asset(Script.js, type: "javascript") }
        routes.get(SiteURL.favicon, open) { _ in asset(favicon, type: "svg+xml", kind: "image") }
        MetricsRoute.register(on: routes)
    }

    @Sendable package static func healthz(req: Request) async throws -> Response {
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
    private static func asset(_ text: String, type: String, kind: String = "text") -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: kind, subType: type, parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }

    /// The tab icon: the site's colour with a C. Without one, browsers ask for /favicon.ico on every page and log a 404.
    package static let favicon = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#123a5e"/>\
        <text x="16" y="23" font-family="DejaVu Sans, Arial, sans-serif" font-size="20" font-weight="700" fill="#fff" text-anchor="middle">C</text></svg>
        """
}
