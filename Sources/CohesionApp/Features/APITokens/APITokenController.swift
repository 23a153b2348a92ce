import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The account page: who one is, and one's API tokens.
struct APITokenController {
    /// How long a new token may live, in days, as the form offers it.
    static let lifetimes = [30, 90, 365]

    struct Flash: Codable { let token: String; let name: String }

    func page(req: Request) async throws -> Response {
        let created = try await SessionFlash.take(Flash.self, on: req)
        return try await render(
            req, values: FormValues(["scope": APIToken.Scope.read.rawValue, "days": "90"]), errors: FieldErrors(),
            created: created)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        var errors = FieldErrors()
        let name = errors.require("name", values["name"], "einen Namen für das Token", maxLength: 100)
        let scope = APIToken.Scope(rawValue: values["scope"])
        if scope == nil { errors.add("scope", "Bitte den Umfang wählen.") }
        let days = Int(values["days"]).flatMap { Self.lifetimes.contains($0) ? $0 : nil }
        if days == nil { errors.add("days", "Bitte die Gültigkeit wählen.") }
        guard errors.isEmpty, let scope, let days else { return try await render(req, values: values, errors: errors, created: nil) }
        let now = req.now
        let secret = try await Audit.recording(.token, "API-Token „\(name)“ (\(scope.label)) für \(user.name) erzeugt", objectID: user.id, by: req) { db in
            try await APIToken.make(for: user.id, name: name, scope: scope, days: days, now: now, on: db)
        }
        // Shown once, after the redirect; a reload shows it no more.
        try await SessionFlash.put(Flash(token: secret, name: name), on: req)
        return req.redirect(to: SiteURL.account.path)
    }

    /// Ends every session of the person, this one too, e.g. after using a shared computer or losing a phone.
    func logoutEverywhere(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let now = req.now
        try await req.db.transaction { db in
            try await SessionStore.endAll(of: user.id, for: req, on: db)
            try await Audit.record(
                .person, "\(user.name) auf allen Geräten abgemeldet", objectID: user.id, actorID: user.id, actor: user.name,
                at: now, on: db)
        }
        return req.redirect(to: Notice.loggedOut.appended(to: SiteURL.home.path))
    }

    func revoke(req: Request) async throws -> Response {
        guard let token = try await APIToken.find(try req.parameters.require(.apiToken), on: req.db) else { throw AppError.notFound }
        if token.revokedAt == nil {
            token.revokedAt = req.now
            try await Audit.recording(.token, "API-Token „\(token.name)“ widerrufen", objectID: token.$user.id, by: req) { db in
                try await token.save(on: db)
            }
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.account.path))
    }

    private func render(_ req: Request, values: FormValues, errors: FieldErrors, created: Flash?) async throws -> Response {
        let user = try req.requireUser()
        let tokens = try await APIToken.query(on: req.db).filter(\.$user.$id == user.id).sort(\.$createdAt, .descending).all()
        let view = APITokenViews.page(
            user: user, tokens: tokens, values: values, errors: errors, created: created, now: req.now,
            apiURL: req.cohesion.config.absoluteURL(APIURL.openAPI.path),
            frame: req.frame("Mein Konto"))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
