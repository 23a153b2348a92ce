import Vapor
import CohesionCore

/// The JSON API: public data only, as the public pages show it.
enum APIFeature: Feature {
    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let api = APIController()
        let open = AccessRule.everyone("öffentlich")
        routes.get(APIURL.openAPI, open, use: api.openAPI)
        routes.get(APIURL.programmes, open, use: api.programmes)
        routes.get(APIURL.part(.key), open, use: api.part)
        routes.get(APIURL.region(.key), open, use: api.region)
    }
}

/// The addresses of the JSON API.
struct APIURL: SitePath {
    let segments: [String]

    init(_ segments: [String]) { self.segments = ["api", "v1"] + segments }

    static var openAPI: APIURL { APIURL(["openapi.json"]) }
    static var programmes: APIURL { APIURL(["programmes"]) }
    static func part(_ id: Param<UUID>) -> APIURL { APIURL(["parts", id.component("partID")]) }
    static func region(_ key: Param<String>) -> APIURL { APIURL(["regions", key.component("key")]) }
}
