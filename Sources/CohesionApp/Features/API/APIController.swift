import CohesionPlatform
import Foundation
import Vapor
import Yams

/// Serves the OpenAPI document the API is generated from, as JSON (converted from the YAML source once).
struct APIController {
    static let documentJSON: Data? = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let yaml = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return try? JSONSerialization.data(withJSONObject: Yams.load(yaml: yaml) as Any, options: [.sortedKeys, .withoutEscapingSlashes])
    }()

    func openAPI(req: Request) throws -> Response {
        guard let data = Self.documentJSON else { throw Abort(.internalServerError, reason: "OpenAPI document missing from the build") }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }
}
