import Vapor

/// Keeps what the full chain rendered for visitors without a session, answers their API calls
/// from `PublicPageCache` after the anonymous rate limit (pages are answered earlier still, by
/// `PublicCacheResponder`, before routing); and after every write request on this instance
/// reads the change counter, so the next visitor sees the change.
package struct PublicPageCacheMiddleware: AsyncMiddleware {
    package static let routeMarker = "publicCache"

    package let cache: PublicPageCache
    package let metrics: AppMetrics

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .GET else {
            let response = try await next.respond(to: req)
            // The write is done; if the counter cannot be read now, forget every page rather than fail the answer.
            if req.method != .HEAD {
                do { try await PublicRevision.read(into: cache, on: req.db) } catch { cache.invalidate() }
            }
            return response
        }
        guard let route = req.route, route.userInfo[Self.routeMarker] != nil, req.url.query == nil,
            !req.headers.contains(name: .cookie) || req.cookies[SessionStore.cookieName] == nil,
            !req.headers.contains(name: .authorization)
        else {
            return try await next.respond(to: req)
        }
        let path = req.url.path
        if let entry = cache.entry(for: path), try await mayAnswer(req) {
            metrics.publicCacheHit()
            return Self.answer(req, from: entry)
        }
        // The generation must stand for a known counter, else the next write request would end it for nothing.
        if !cache.knowsCounter { try? await PublicRevision.read(into: cache, on: req.db) }
        let keepable = cache.knowsCounter
        let generation = cache.generation
        let response = try await next.respond(to: req)
        if keepable, response.status == .ok, !response.headers.contains(name: .setCookie) {
            cache.keep(path, generation: generation, response: response)
        }
        return response
    }

    /// Anonymous API calls are rate-limited per address, cached or not.
    private func mayAnswer(_ req: Request) async throws -> Bool {
        guard req.isAPI else { return true }
        return await req.cohesion.apiLimiter.retryAfter("address:" + req.clientAddress, now: req.now) == nil
    }

    /// The kept answer, or 304 for a matching `If-None-Match`, gzipped where the client takes it.
    package static func answer(_ req: Request, from entry: PublicPageCache.Entry) -> Response {
        var headers = entry.headers
        headers.replaceOrAdd(name: "X-Request-Id", value: req.id)
        let gzipped = entry.gzipped.flatMap { Self.acceptsGzip(req.headers[.acceptEncoding]) ? $0 : nil }
        let tag = gzipped == nil ? entry.eTag : entry.gzippedETag
        if let tag { headers.replaceOrAdd(name: .eTag, value: tag) }
        if let tag, ETagMiddleware.matches(req.headers[.ifNoneMatch], tag) {
            headers.remove(name: .contentLength)
            return Response(status: .notModified, headers: headers)
        }
        if let gzipped {
            headers.replaceOrAdd(name: .contentEncoding, value: "gzip")
            return Response(status: entry.status, headers: headers, body: .init(buffer: gzipped))
        }
        return Response(status: entry.status, headers: headers, body: .init(buffer: entry.body))
    }

    /// gzip unless the client names it with q=0.
    package static func acceptsGzip(_ acceptEncoding: [String]) -> Bool {
        for value in acceptEncoding {
            for coding in value.split(separator: ",") {
                let parts = coding.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard parts.first == "gzip" || parts.first == "x-gzip" else { continue }
                let quality = parts.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
                return quality > 0
            }
        }
        return false
    }
}

extension Application {
    /// Marks the public routes whose answers visitors without a session share.
    package func markPublicCacheRoutes(_ paths: [any SitePath]) {
        let wanted = Set(paths.map { $0.pathComponents.map(\.description).joined(separator: "/") })
        for route in routes.all where route.method == .GET && wanted.contains(route.path.map(\.description).joined(separator: "/")) {
            route.userInfo[PublicPageCacheMiddleware.routeMarker] = true
        }
    }
}
