import Fluent
import Vapor
import CohesionCore

/// Who calls the API: the owner of a bearer token, or nobody. Session cookies do not count here,
/// so no other site can make a browser act through the API. Every call is rate-limited, per token
/// or, without one, per client address; over the limit the answer is 429 with `Retry-After`.
struct APIAuthMiddleware: AsyncMiddleware {
    struct Caller: Sendable {
        let user: CurrentUser
        let scope: APIToken.Scope
        let expiresAt: Date
    }

    let limiter: RateLimiter

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var limitKey = "address:" + req.clientAddress
        if let bearer = req.headers.bearerAuthorization?.token {
            guard let caller = try await Self.caller(bearer, now: req.now, on: req.db) else {
                throw APIProblem(.unauthorized, "Das Token ist unbekannt, abgelaufen oder widerrufen.")
            }
            req.apiCaller = caller
            limitKey = "token:" + secretHash(bearer)
        } else if req.headers[.authorization].first != nil {
            throw APIProblem(.unauthorized, "Bitte das Token als „Authorization: Bearer …“ senden.")
        }
        if let seconds = await limiter.retryAfter(limitKey, now: req.now) {
            throw APIProblem(.tooManyRequests, "Zu viele Anfragen. Bitte in \(seconds) Sekunden wieder.", retryAfter: seconds)
        }
        return try await next.respond(to: req)
    }

    static func caller(_ secret: String, now: Date, on db: any Database) async throws -> Caller? {
        guard secret.hasPrefix(APIToken.marker),
              let token = try await APIToken.query(on: db).filter(\.$tokenHash == secretHash(secret)).with(\.$user).first(),
              token.revokedAt == nil, token.expiresAt > now, token.user.lockedAt == nil else { return nil }
        // The last use is kept to the minute, so a busy client does not write on every call.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await WriteQueue.serialized(on: db) { try await token.save(on: db) }
        }
        let user = token.user
        return Caller(user: CurrentUser(id: try user.requireID(), name: user.name, email: user.email, role: user.role),
                      scope: token.scope, expiresAt: token.expiresAt)
    }
}

/// A state-changing API call needs a token with the scope to write.
struct APIWriteScopeGate: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.apiCaller?.scope == .read {
            throw APIProblem(.forbidden, "Dieses Token darf nur lesen. Für Änderungen ein Token mit dem Umfang „lesen und schreiben“ erzeugen.")
        }
        return try await next.respond(to: req)
    }
}

extension Request {
    private struct APICallerKey: StorageKey { typealias Value = APIAuthMiddleware.Caller }

    var apiCaller: APIAuthMiddleware.Caller? {
        get { storage[APICallerKey.self] }
        set { storage[APICallerKey.self] = newValue }
    }

    /// Whether this request is one of the API's: there the token decides, not the session.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
