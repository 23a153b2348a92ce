import Vapor

/// A path parameter: `.key` when registering a route, `.value` when linking to it.
package enum Param<Value: CustomStringConvertible & Sendable>: Sendable {
    case key
    case value(Value)

    package func component(_ name: String) -> String {
        switch self {
        case .key: ":" + name
        case .value(let value): value.description
        }
    }
}

/// An address of the site as path segments. Each feature declares its own addresses as static
/// members in its `+URLs.swift`; the route table and every link use them, so a renamed path
/// cannot leave a dead link.
package protocol SitePath: Sendable {
    var segments: [String] { get }
}

extension SitePath {
    package var path: String { "/" + segments.joined(separator: "/") }

    package var pathComponents: [PathComponent] { segments.map { PathComponent(stringLiteral: $0) } }
}

/// Pages for everyone and for the signed-in, outside the lead's area.
package struct SiteURL: SitePath {
    package let segments: [String]

    package init(_ segments: [String]) { self.segments = segments }
}

/// The lead's area (Verwaltung). Resources nest under their parent only where they are created.
package struct AdminURL: SitePath {
    package let segments: [String]

    package init(_ segments: [String]) { self.segments = segments }
}
