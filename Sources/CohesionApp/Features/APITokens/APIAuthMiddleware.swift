import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// Who calls the API: the owner of a bearer token, or nobody. Session cookies do not count here,
/// so no other site can make a browser act through the API. Every call is rate-limited, per token
/// or, without one, per client address; over the limit the answer is 429 with `Retry-After`.
struct APIAuthMiddleware: AsyncMiddleware {
    let limiter: RateLimiter

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        var limitKey = "address:" + req.clientAddress
        if let bearer = req.headers.bearerAuthorization?.token {
            guard let caller = try await Self.caller(bearer, now: req.now, on: req.db) else {
                throw AppError(.unauthorized, "Das Token ist unbekannt, abgelaufen oder widerrufen.")
            }
            req.apiCaller = caller
            limitKey = "token:" + secretHash(bearer)
        } else if req.headers[.authorization].first != nil {
            throw AppError(.unauthorized, "Bitte das Token als „Authorization: Bearer …“ senden.")
        }
        if let seconds = await limiter.retryAfter(limitKey, now: req.now) {
            throw AppError(.tooManyRequests, "Zu viele Anfragen. Bitte in \(seconds) Sekunden wieder.", retryAfter: seconds)
        }
        return try await next.respond(to: req)
    }

    static func caller(_ secret: String, now: Date, on db: any Database) async throws -> APICaller? {
        guard secret.hasPrefix(APIToken.marker),
            let token = try await APIToken.query(on: db).filter(\.$tokenHash == secretHash(secret)).with(\.$user).first(),
            token.revokedAt == nil, token.expiresAt > now, token.user.lockedAt == nil
        else { return nil }
        // The last use is kept to the minute, so a busy client does not write on every call.
        if token.lastUsedAt.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            token.lastUsedAt = now
            try await WriteQueue.serialized(on: db) { try await token.save(on: db) }
        }
        let user = token.user
        return APICaller(
            user: CurrentUser(id: try user.requireID(), name: user.name, email: user.email, role: user.role),
            mayWrite: token.scope == .readWrite, expiresAt: token.expiresAt)
    }
}

/// A state-changing API call needs a token with the scope to write.
struct APIWriteScopeGate: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if req.apiCaller?.mayWrite == false {
            throw AppError(.forbidden, "Dieses Token darf nur lesen. Für Änderungen ein Token mit dem Umfang „lesen und schreiben“ erzeugen.")
        }
        return try await next.respond(to: req)
    }
}
