import CohesionCore
import Fluent
import Vapor

/// Login, logout, forgotten password and one-time password links.
package struct AuthController {
    package func showLogin(req: Request) async throws -> Response {
        if let user = req.user { return req.redirect(to: req.features.landingPage(for: user.role)) }
        let visitor = try await SessionStore.ensure(on: req)
        var frame = req.frame("Anmelden")
        frame.visitor = visitor
        let next = try? req.query.get(String.self, at: "weiter")
        return .html(AccountViews.login(frame: frame, values: FormValues(), errors: FieldErrors(), next: Self.safeLocal(next)))
    }

    package func login(req: Request) async throws -> Response {
        var values = req.formValues()
        let email = User.normalise(email: values["email"])
        values["email"] = email
        let next = Self.safeLocal(values["weiter"])
        var errors = FieldErrors()
        errors.require("email", email, "Ihre E-Mail-Adresse")
        if values["password"].isEmpty { errors.add("password", "Bitte Ihr Passwort angeben.") }
        guard errors.isEmpty else {
            return .html(AccountViews.login(frame: req.frame("Anmelden"), values: values, errors: errors, next: next), status: .unprocessableEntity)
        }
        let address = req.clientAddress
        if let seconds = try await retryAfter(email: email, address: address, on: req) {
            req.cohesion.metrics.loginFailure(throttled: true)
            let minutes = (seconds + 59) / 60
            let response = Response.html(
                AccountViews.login(
                    frame: req.frame("Anmelden"), values: values, errors: FieldErrors(), next: next,
                    message: "Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie \(minutes == 1 ? "eine Minute" : "\(minutes) Minuten") "
                        + "oder setzen Sie Ihr Passwort zurück."), status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: "\(seconds)")
            return response
        }
        let user = try await User.query(on: req.db).filter(\.$email == email).first()
        let verified = try await verify(values["password"], against: user?.passwordHash, on: req)
        try await LoginAttempt(email: email, address: address, succeeded: verified, at: req.now).create(on: req.db)
        guard verified, let user, let id = user.id, case let role = user.role else {
            req.cohesion.metrics.loginFailure(throttled: false)
            errors.add("password", "E-Mail-Adresse oder Passwort stimmt nicht.")
            return .html(AccountViews.login(frame: req.frame("Anmelden"), values: values, errors: errors, next: next), status: .unprocessableEntity)
        }
        // Told only after the right password, so the message reveals nothing to someone guessing.
        guard user.lockedAt == nil else {
            return .html(
                AccountViews.login(
                    frame: req.frame("Anmelden"), values: values, errors: FieldErrors(), next: next,
                    message: "Dieses Konto ist gesperrt. Bitte wenden Sie sich an die Administration."), status: .forbidden)
        }
        // A feature may ask for a further step (a second factor): then the password opens only that.
        for feature in req.features.all {
            if let step = try await feature.signInStep(userID: id, next: next, req: req) { return step }
        }
        let current = CurrentUser(id: id, name: user.name, email: user.email, role: role)
        _ = try await SessionStore.start(for: current, on: req)
        req.logger.info("login", metadata: ["user-id": "\(id)"])
        return req.redirect(to: next ?? req.features.landingPage(for: role))
    }

    package func logout(req: Request) async throws -> Response {
        try await SessionStore.end(on: req)
        return req.redirect(to: Notice.loggedOut.appended(to: SiteURL.home.path))
    }

    package func showForgot(req: Request) async throws -> Response {
        var frame = req.frame("Passwort vergessen")
        frame.visitor = try await SessionStore.ensure(on: req)
        return .html(AccountViews.forgot(frame: frame, values: FormValues(), errors: FieldErrors()))
    }

    package func forgot(req: Request) async throws -> Response {
        var values = req.formValues()
        let email = User.normalise(email: values["email"])
        values["email"] = email
        var errors = FieldErrors()
        errors.require("email", email, "Ihre E-Mail-Adresse")
        if errors.isEmpty && !Self.looksLikeEmail(email) { errors.add("email", "Bitte eine gültige E-Mail-Adresse angeben, z. B. name@kommune.de.") }
        guard errors.isEmpty else {
            return .html(AccountViews.forgot(frame: req.frame("Passwort vergessen"), values: values, errors: errors), status: .unprocessableEntity)
        }
        // The answer is the same whether or not the account exists, so the form reveals no addresses.
        if let user = try await User.query(on: req.db).filter(\.$email == email).first(), let id = user.id {
            let services = req.cohesion
            try await req.db.transaction { db in
                let path = try await PasswordLinks.issue(for: id, purpose: .reset, services: services, on: db)
                try await Mailer.enqueue(
                    to: user.email, subject: "Cohesion: Passwort zurücksetzen",
                    body: MailTexts.reset(name: user.name, link: services.config.absoluteURL(path)), on: db)
            }
            await services.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        }
        return req.redirect(to: Notice.resetRequested.appended(to: SiteURL.login.path))
    }

    package func showSetPassword(req: Request) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        var frame = req.frame("Passwort setzen")
        guard let token = try await PasswordLinks.valid(secret: secret, now: req.now, on: req.db) else {
            return .html(AccountViews.invalidLink(frame: frame), status: .gone)
        }
        frame.visitor = try await SessionStore.ensure(on: req)
        return .html(AccountViews.setPassword(frame: frame, token: secret, name: token.user.name, errors: FieldErrors()))
    }

    package func setPassword(req: Request) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        let frame = req.frame("Passwort setzen")
        guard let token = try await PasswordLinks.valid(secret: secret, now: req.now, on: req.db) else {
            return .html(AccountViews.invalidLink(frame: frame), status: .gone)
        }
        let values = req.formValues()
        let errors = AccountViews.checkNewPassword(values)
        guard errors.isEmpty else {
            return .html(AccountViews.setPassword(frame: frame, token: secret, name: token.user.name, errors: errors), status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(values["password"])
        let now = req.now
        let user = token.user
        try await req.db.transaction { db in
            token.usedAt = now
            try await token.save(on: db)
            user.passwordHash = hash
            try await user.save(on: db)
            // A new password ends every session of the account, also one an attacker may hold.
            try await WebSession.query(on: db).filter(\.$user.$id == user.id).delete()
            try await Audit.record(.person, "Passwort von \(user.name) gesetzt", objectID: user.id, actorID: user.id, actor: user.name, at: now, on: db)
        }
        return req.redirect(to: Notice.passwordSet.appended(to: SiteURL.login.path))
    }

    /// Seconds until this address may try this account again (see `LoginThrottle`), or nil.
    package func retryAfter(email: String, address: String, on req: Request) async throws -> Int? {
        let throttle = LoginThrottle.standard
        let since = throttle.windowStart(now: req.now)
        /// Failures in the window, for the address and, if given, one account.
        func failures(email: String?) async throws -> LoginThrottle.Failures {
            func recent() -> QueryBuilder<LoginAttempt> {
                let query = LoginAttempt.query(on: req.db).filter(\.$address == address).filter(\.$succeeded == false)
                    .filter(\.$attemptedAt > since)
                return email.map { query.filter(\.$email == $0) } ?? query
            }
            return LoginThrottle.Failures(count: try await recent().count(), last: try await recent().max(\.$attemptedAt))
        }
        return throttle.retryAfter(accountFromAddress: try await failures(email: email), fromAddress: try await failures(email: nil), now: req.now)
    }

    /// Verifies against a fixed hash when there is no account, so timing does not reveal which addresses exist.
    private func verify(_ password: String, against hash: String?, on req: Request) async throws -> Bool {
        let matches = try await req.password.async.verify(password, created: hash ?? req.cohesion.dummyPasswordHash)
        return matches && hash != nil
    }

    /// Only paths on this site, never another host (`//evil.example`), may follow a login.
    package static func safeLocal(_ path: String?) -> String? {
        guard let path, path.hasPrefix("/"), !path.hasPrefix("//"), !path.contains("\\") else { return nil }
        return path
    }

    package static func looksLikeEmail(_ text: String) -> Bool {
        text.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) != nil
    }

    package init() {}
}
