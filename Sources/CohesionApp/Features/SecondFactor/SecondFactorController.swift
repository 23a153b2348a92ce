import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The optional second factor for lead and admin accounts: set up on Mein Konto with an
/// authenticator app, asked for after the password, reset by an admin when a phone is lost.
struct SecondFactorController {
    static let challengeLifetime: TimeInterval = 300
    static let roles: Set<Role> = [.lead, .admin]
    static let codeField = FieldSpec(name: "code", label: "Code aus der App", required: true, hint: "Sechs Ziffern; ein Code gilt 30 Sekunden.")

    /// After the right password: a challenge on the browser's session instead of a signed-in session.
    static func challenge(userID: UUID, next: String?, req: Request) async throws -> Response {
        let visitor = try await SessionStore.ensure(on: req)
        guard let sessionID = visitor.sessionID else { throw Abort(.internalServerError) }
        try await SecondFactorChallenge.query(on: req.db).filter(\.$sessionID == sessionID).delete()
        let challenge = SecondFactorChallenge()
        challenge.sessionID = sessionID
        challenge.$user.id = userID
        challenge.expiresAt = req.now.addingTimeInterval(challengeLifetime)
        try await challenge.create(on: req.db)
        let query = next.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "?weiter=" + $0 } ?? ""
        return req.redirect(to: SiteURL.loginCode.path + query)
    }

    private static func pending(_ req: Request) async throws -> SecondFactorChallenge? {
        guard let sessionID = req.visitor.sessionID else { return nil }
        return try await SecondFactorChallenge.query(on: req.db).filter(\.$sessionID == sessionID)
            .filter(\.$expiresAt > req.now).with(\.$user).first()
    }

    func showCode(req: Request) async throws -> Response {
        guard try await Self.pending(req) != nil else { return req.redirect(to: SiteURL.login.path) }
        let next = AuthController.safeLocal(try? req.query.get(String.self, at: "weiter"))
        return .html(SecondFactorViews.code(values: FormValues(), errors: FieldErrors(), next: next, frame: req.frame("Anmelden: Code")))
    }

    func verifyCode(req: Request) async throws -> Response {
        guard let challenge = try await Self.pending(req) else { return req.redirect(to: SiteURL.login.path) }
        let values = req.formValues()
        let next = AuthController.safeLocal(values["weiter"])
        let user = challenge.user
        let address = req.clientAddress
        // Wrong codes count like wrong passwords, so the six digits cannot be tried through.
        if let seconds = try await AuthController().retryAfter(email: user.email, address: address, on: req) {
            var errors = FieldErrors()
            errors.add("code", "Zu viele falsche Versuche. Bitte warten Sie \((seconds + 59) / 60) Minuten.")
            let response = Response.html(
                SecondFactorViews.code(values: values, errors: errors, next: next, frame: req.frame("Anmelden: Code")),
                status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
        guard let factor = try await SecondFactor.enabled(for: try user.requireID(), on: req.db), let secret = Base32.decode(factor.secret),
            let counter = TOTP.matchingCounter(values["code"], secret: secret, at: req.now), counter > factor.lastCounter
        else {
            try await LoginAttempt(email: user.email, address: address, succeeded: false, at: req.now).create(on: req.db)
            req.cohesion.metrics.loginFailure(throttled: false)
            var errors = FieldErrors()
            errors.add("code", "Der Code stimmt nicht oder wurde schon benutzt. Bitte den aktuellen Code aus Ihrer App eingeben.")
            return .html(
                SecondFactorViews.code(values: values, errors: errors, next: next, frame: req.frame("Anmelden: Code")),
                status: .unprocessableEntity)
        }
        factor.lastCounter = counter
        try await factor.save(on: req.db)
        try await challenge.delete(on: req.db)
        try await LoginAttempt(email: user.email, address: address, succeeded: true, at: req.now).create(on: req.db)
        _ = try await SessionStore.start(for: CurrentUser(id: try user.requireID(), name: user.name, email: user.email, role: user.role), on: req)
        return req.redirect(to: next ?? req.features.landingPage(for: user.role))
    }

    func page(req: Request) async throws -> Response {
        try await render(req: req, errors: FieldErrors())
    }

    /// A new secret, not yet in force until a code from the app confirms it.
    func start(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard try await SecondFactor.enabled(for: user.id, on: req.db) == nil else { return req.redirect(to: SiteURL.secondFactor.path) }
        try await SecondFactor.query(on: req.db).filter(\.$user.$id == user.id).delete()
        let factor = SecondFactor()
        factor.$user.id = user.id
        factor.secret = Base32.encode([UInt8](SymmetricKey(size: SymmetricKeySize(bitCount: 160)).withUnsafeBytes { Data($0) }))
        factor.lastCounter = 0
        try await factor.create(on: req.db)
        return req.redirect(to: SiteURL.secondFactor.path)
    }

    func confirm(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let factor = try await SecondFactor.query(on: req.db).filter(\.$user.$id == user.id).filter(\.$enabledAt == nil).first(),
            let secret = Base32.decode(factor.secret)
        else { return req.redirect(to: SiteURL.secondFactor.path) }
        guard let counter = TOTP.matchingCounter(req.formValues()["code"], secret: secret, at: req.now) else {
            var errors = FieldErrors()
            errors.add("code", "Der Code stimmt nicht. Bitte den Code eingeben, den die App gerade zeigt.")
            return try await render(req: req, errors: errors)
        }
        factor.enabledAt = req.now
        factor.lastCounter = counter
        try await Audit.recording(.person, "Zweiter Faktor für \(user.name) eingerichtet", objectID: user.id, by: req) { db in
            try await factor.save(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.secondFactor.path))
    }

    func disable(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let factor = try await SecondFactor.enabled(for: user.id, on: req.db), let secret = Base32.decode(factor.secret) else {
            return req.redirect(to: SiteURL.secondFactor.path)
        }
        guard TOTP.matchingCounter(req.formValues()["code"], secret: secret, at: req.now) != nil else {
            var errors = FieldErrors()
            errors.add("code", "Zum Abschalten bitte den aktuellen Code aus der App eingeben.")
            return try await render(req: req, errors: errors)
        }
        try await Audit.recording(.person, "Zweiter Faktor für \(user.name) abgeschaltet", objectID: user.id, by: req) { db in
            try await factor.delete(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.secondFactor.path))
    }

    /// For a lost phone: the admin removes the factor; the person signs in with the password and sets up again.
    func reset(req: Request) async throws -> Response {
        guard let user = try await User.find(try req.parameters.require(.person), on: req.db) else { throw AppError.notFound }
        let userID = try user.requireID()
        try await Audit.recording(.person, "Zweiter Faktor für \(user.name) zurückgesetzt", objectID: userID, by: req) { db in
            try await SecondFactor.query(on: db).filter(\.$user.$id == userID).delete()
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.account(.value(try user.requireID())).path))
    }

    private func render(req: Request, errors: FieldErrors) async throws -> Response {
        let user = try req.requireUser()
        let factor = try await SecondFactor.query(on: req.db).filter(\.$user.$id == user.id).first()
        let uri = factor.map { Self.provisioningURI(secret: $0.secret, account: user.email, issuer: "Cohesion") }
        let view = SecondFactorViews.page(factor: factor, uri: uri, errors: errors, frame: req.frame("Zweiter Faktor"))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The `otpauth://` address authenticator apps read from the QR code.
    static func provisioningURI(secret: String, account: String, issuer: String) -> String {
        let label = (issuer + ":" + account).addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ".-_"))) ?? account
        return "otpauth://totp/\(label)?secret=\(secret)&issuer=\(issuer)&algorithm=SHA1&digits=6&period=30"
    }
}
