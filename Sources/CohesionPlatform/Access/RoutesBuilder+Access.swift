import Vapor

/// Registering a route always names its access rule; state-changing routes always check the
/// form's CSRF token, after the rule, so an anonymous visitor is sent to the login page first.
extension RoutesBuilder {
    @discardableResult
    package func get<Response: AsyncResponseEncodable>(
        _ url: some SitePath, _ rule: AccessRule,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        // The rule is checked inside the route's own responder rather than by a route middleware:
        // so the route stays asynchronous and runs in the task of the middleware before it
        // (`AsyncMiddlewareGroup`) instead of two tasks of its own.
        let gate = AccessGate(rule: rule)
        let route = on(.GET, url.pathComponents) { req in
            try await gate.respond(to: req, chainingTo: AsyncBasicResponder { try await handler($0).encodeResponse(for: $0) })
        }
        route.userInfo[AccessRule.userInfoKey] = rule
        return route
    }

    /// `bodyLimit` raises the size a form may have (uploads); the default is Vapor's.
    @discardableResult
    package func post<Response: AsyncResponseEncodable>(
        _ url: some SitePath, _ rule: AccessRule, bodyLimit: ByteCount? = nil,
        use handler: @escaping @Sendable (Request) async throws -> Response
    ) -> Route {
        let guarded = grouped(AccessGate(rule: rule), CSRFMiddleware(maxBodySize: bodyLimit))
        let route =
            bodyLimit.map { guarded.on(.POST, url.pathComponents, body: .collect(maxSize: $0), use: handler) }
            ?? guarded.on(.POST, url.pathComponents, use: handler)
        route.userInfo[AccessRule.userInfoKey] = rule
        return route
    }
}
