import CohesionCore
import CohesionPlatform
import OpenAPIRuntime
import Vapor

/// The JSON API under `/api/v1/`, generated from `openapi.yaml` and served with the document itself.
enum APIFeature: Feature {
    static let publicCacheRoutes: [any SitePath] = [APIURL.programmes, APIURL.part(.key)]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        routes.get(APIURL.openAPI, .everyone("öffentlich"), use: APIController().openAPI)
        guard let json = APIController.documentJSON, let document = try? JSONDecoder().decode(JSONValue.self, from: json) else {
            throw Abort(.internalServerError, reason: "OpenAPI document missing from the build")
        }
        // Compact JSON: clients parse it, and phones on a town hall's network download less.
        try APIHandler().registerHandlers(
            on: GuardedTransport(
                routes: routes, leading: [APIContextMiddleware(), APIAuthMiddleware(limiter: app.cohesion.apiLimiter)], app: app,
                document: document),
            serverURL: URL(string: APIURL.base)!,
            configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    }
}

/// The addresses of the JSON API.
struct APIURL: SitePath {
    static let base = "/api/v1"
    let segments: [String]

    init(_ segments: [String]) { self.segments = ["api", "v1"] + segments }

    static var openAPI: APIURL { APIURL(["openapi.json"]) }
    static var programmes: APIURL { APIURL(["programmes"]) }
    /// The document names its path parameters as the pages' routes do (`part`, `unit`, `person`,
    /// `survey`), so the pages' access rules read them on the API too.
    static func part(_ id: Param<UUID>) -> APIURL { APIURL(["parts", id.component(.part)]) }
    static func region(_ key: Param<String>) -> APIURL { APIURL(["regions", key.component("key")]) }
}
