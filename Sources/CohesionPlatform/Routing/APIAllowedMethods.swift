import Vapor

/// The methods the API offers at a path, for answering 405 with `Allow` when a client uses another
/// one (the router alone would say 404, as if the resource did not exist).
package enum APIAllowedMethods {
    package static func at(_ path: String, in routes: Routes) -> [HTTPMethod] {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        return routes.all.filter { route in
            route.path.count == segments.count
                && zip(route.path, segments).allSatisfy { component, segment in
                    switch component {
                    case .constant(let constant): constant == segment
                    case .parameter: true
                    default: false
                    }
                }
        }.map(\.method)
    }
}
