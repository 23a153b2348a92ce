import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

struct AccountAdminController {
    static let pageSize = 200

    func list(req: Request) async throws -> Response {
        try await renderList(req: req, values: FormValues(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        var values = req.formValues()
        var errors = FieldErrors()
        let email = User.normalise(email: values["email"])
        values["email"] = email
        if !AuthController.looksLikeEmail(email) { errors.add("email", "Bitte eine gültige E-Mail-Adresse angeben.") }
        let name = errors.require("name", values["name"], "den Namen")
        let role = Role(rawValue: values["role"])
        if role == nil { errors.add("role", "Bitte eine Rolle wählen.") }
        if errors.isEmpty, try await User.query(on: req.db).filter(\.$email == email).first() != nil {
            errors.add("email", "Für \(email) gibt es schon ein Konto.")
        }
        guard errors.isEmpty, let role else { return try await renderList(req: req, values: values, errors: errors) }
        let services = req.cohesion
        let actor = Self.actor(req)
        let id = try await req.db.transaction { db in
            let user = User(email: email, name: name, role: role)
            try await user.create(on: db)
            let link = services.config.absoluteURL(try await PasswordLinks.issue(for: try user.requireID(), purpose: .welcome, services: services, on: db))
            try await Mailer.enqueue(to: email, subject: "Ihr Konto bei Cohesion", body: MailTexts.welcome(name: name, link: link), on: db)
            try await Audit.record(
                .person, "Konto \(name) (\(role.germanName)) angelegt", objectID: user.id, actorID: actor.id, actor: actor.name,
                at: req.now, on: db)
            return try user.requireID()
        }
        await services.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.created.appended(to: AdminURL.account(.value(id)).path))
    }

    func show(req: Request) async throws -> Response {
        try await renderAccount(try await Self.account(req), req: req, errors: FieldErrors())
    }

    func changeRole(req: Request) async throws -> Response {
        let user = try await Self.account(req)
        var errors = FieldErrors()
        guard let role = Role(rawValue: req.formValues()["role"]) else {
            errors.add("role", "Bitte eine Rolle wählen.")
            return try await renderAccount(user, req: req, errors: errors)
        }
        if let refusal = try await Self.refusal(changing: user, req: req, to: role) {
            errors.add("role", refusal)
            return try await renderAccount(user, req: req, errors: errors)
        }
        guard role != user.role, user.erasedAt == nil else { return req.redirect(to: AdminURL.account(.value(try user.requireID())).path) }
        let before = user.role
        user.role = role
        try await Audit.recording(.person, "Rolle von \(user.name): \(before.germanName) → \(role.germanName)", objectID: user.id, by: req) { db in
            try await user.save(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.account(.value(try user.requireID())).path))
    }

    /// Locks (and ends every session and token use at once) or unlocks, as the form says.
    func lock(req: Request) async throws -> Response {
        let user = try await Self.account(req)
        let id = try user.requireID()
        let action = req.formValues()["action"]
        guard ["lock", "unlock"].contains(action) else {
            var errors = FieldErrors()
            errors.add("action", "Bitte „Konto sperren“ oder „Konto entsperren“ wählen.")
            return try await renderAccount(user, req: req, errors: errors)
        }
        let locking = action == "lock"
        if locking, let refusal = try await Self.refusal(changing: user, req: req, to: nil) {
            var errors = FieldErrors()
            errors.add("action", refusal)
            return try await renderAccount(user, req: req, errors: errors)
        }
        guard user.erasedAt == nil else { return req.redirect(to: AdminURL.account(.value(id)).path) }
        try await Audit.recording(.person, "Konto \(user.name) \(locking ? "gesperrt" : "entsperrt")", objectID: id, by: req) { db in
            user.lockedAt = locking ? req.now : nil
            try await user.save(on: db)
            if locking { try await WebSession.query(on: db).filter(\.$user.$id == id).delete() }
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.account(.value(id)).path))
    }

    func erase(req: Request) async throws -> Response {
        let user = try await Self.account(req)
        var errors = FieldErrors()
        if req.formValues()["confirm"] != "yes" {
            errors.add("confirm", "Bitte bestätigen, dass die Person gelöscht werden soll.")
        } else if let refusal = try await Self.refusal(changing: user, req: req, to: nil) {
            errors.add("confirm", refusal)
        }
        guard errors.isEmpty else { return try await renderAccount(user, req: req, errors: errors) }
        try await PersonalDataErasure.erase(
            try user.requireID(), cause: .request, by: Self.actor(req), at: req.now, declarations: req.features.personalData, on: req.db)
        return req.redirect(to: Notice.deleted.appended(to: AdminURL.account(.value(try user.requireID())).path))
    }

    /// An admin cannot lock, erase or demote themselves, and the last admin stays one: someone must be able to sign in and undo.
    private static func refusal(changing user: User, req: Request, to role: Role?) async throws -> String? {
        guard user.role == .admin, role != .admin else { return nil }
        if user.id == req.user?.id { return "Das eigene Konto können Sie hier nicht sperren, löschen oder herabstufen." }
        let admins = try await User.query(on: req.db).filter(\.$role == .admin).filter(\.$lockedAt == nil).count()
        return admins <= 1 ? "Das ist die letzte aktive Administration; bitte zuerst ein weiteres Konto zur Administration machen." : nil
    }

    private static func account(_ req: Request) async throws -> User {
        guard let user = try await User.find(try req.parameters.require(.person), on: req.db) else { throw AppError.notFound }
        return user
    }

    private static func actor(_ req: Request) -> PersonalDataErasure.Actor {
        PersonalDataErasure.Actor(id: req.user?.id, name: req.user.map { "\($0.name) (\($0.role.germanName))" } ?? "ohne Anmeldung")
    }

    private func renderList(req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        let search = String(((try? req.query.get(String.self, at: "suche")) ?? "").trimmingCharacters(in: .whitespaces).prefix(RegionSearch.maxQueryLength))
        let role = (try? req.query.get(String.self, at: "rolle")).flatMap(Role.init(rawValue:))
        // Only the columns the list shows: Fluent's decoding of 201 whole accounts was half of the page's time.
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let role { conditions.append("role = \(bind: role.rawValue)") }
        if !search.isEmpty {
            // Case-insensitive on both: SQLite's LIKE already is for Latin letters, PostgreSQL needs ILIKE.
            let like: SQLQueryString = req.sql.dialect.name == "sqlite" ? "LIKE" : "ILIKE"
            let pattern = "%" + LikePattern.escape(search) + "%"
            conditions.append("(email \(like) \(bind: pattern) ESCAPE '\\' OR name \(like) \(bind: pattern) ESCAPE '\\')")
        }
        let users = try await req.sql.raw(
            """
            SELECT id, name, email, role, erased_at, locked_at, password_hash IS NOT NULL AS has_password FROM users
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY name, id LIMIT \(literal: Self.pageSize + 1)
            """
        ).all(decoding: AccountAdminViews.Row.self, with: .snakeCaseColumns)
        let view = AccountAdminViews.list(
            Array(users.prefix(Self.pageSize)), more: users.count > Self.pageSize, search: search, role: role,
            values: values, errors: errors, frame: req.frame("Konten und Rollen", section: .admin))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func renderAccount(_ user: User, req: Request, errors: FieldErrors) async throws -> Response {
        let id = try user.requireID()
        let sessions = try await WebSession.query(on: req.db).filter(\.$user.$id == id).filter(\.$expiresAt > req.now).count()
        let factor = try await SecondFactor.query(on: req.db).filter(\.$user.$id == id).first()
        let view = AccountAdminViews.account(
            user, activeSessions: sessions, hasSecondFactor: factor != nil, errors: errors,
            frame: req.frame(user.name, section: .admin))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
