import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The lead invites people to an edition; the invited accept through their personal link.
struct InvitationController {
    /// Shows the result of an upload once, after the redirect that followed it.
    func overview(req: Request) async throws -> Response {
        try await page(
            req, values: FormValues(), errors: FieldErrors(),
            upload: SessionFlash.take(InvitationViews.UploadResult.self, on: req))
    }

    func inviteOne(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        let values = req.formValues()
        var errors = FieldErrors()
        let name = errors.require("name", values["name"], "den Namen")
        let email = User.normalise(email: values["email"])
        if !AuthController.looksLikeEmail(email) { errors.add("email", "Bitte eine gültige E-Mail-Adresse angeben, z. B. name@kommune.de.") }
        let ags = values["ags"].trimmingCharacters(in: .whitespaces)
        if !ags.isEmpty && !(ags.count == 8 && ags.allSatisfy(\.isNumber)) { errors.add("ags", "Bitte einen achtstelligen Gemeindeschlüssel angeben.") }
        if errors.isEmpty {
            do {
                try await Invitations.invite(name: name, email: email, ags: ags, editionID: editionID, services: req.cohesion, on: req.db)
                await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
                return req.redirect(to: Notice.invited.appended(to: AdminURL.invitations(.value(editionID)).path))
            } catch let refused as Invitations.Refused {
                errors.add(refused.message.hasPrefix("den Gemeindeschlüssel") ? "ags" : "email", "Nicht eingeladen: " + refused.message + ".")
            }
        }
        return try await page(req, values: values, errors: errors, upload: nil)
    }

    func upload(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        struct Upload: Decodable { var datei: File? }
        let file = (try? req.content.decode(Upload.self))?.datei
        guard let file, file.data.readableBytes > 0 else {
            return try await page(
                req, values: FormValues(), errors: FieldErrors(),
                upload: .init(invited: 0, errors: [.init(line: 0, message: "Bitte eine Datei wählen (.xlsx oder .csv).")]))
        }
        let parsed: (rows: [InvitationList.Row], errors: [InvitationList.RowError])
        do {
            parsed = InvitationList.parse(rows: try SpreadsheetUpload.rows(of: Array(file.data.readableBytesView)))
        } catch {
            parsed = ([], [.init(line: 0, message: error.message)])
        }
        var errors = parsed.errors
        var invited = 0
        // Each row in its own transaction: a refused row costs no other row its invitation.
        for row in parsed.rows {
            do {
                try await Invitations.invite(
                    name: row.name, email: row.email, ags: row.ags, editionID: editionID,
                    services: req.cohesion, on: req.db)
                invited += 1
            } catch let refused as Invitations.Refused {
                errors.append(.init(line: row.line, message: refused.message))
            }
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        // Post/redirect/get: the result waits in the session, so a reload does not upload again.
        try await SessionFlash.put(InvitationViews.UploadResult(invited: invited, errors: errors.sorted { $0.line < $1.line }), on: req)
        return req.redirect(to: AdminURL.invitations(.value(editionID)).path)
    }

    func resend(req: Request) async throws -> Response {
        guard let invitation = try await Invitation.query(on: req.db).filter(\.$id == req.parameters.require(.invitation).rawValue).with(\.$user).first() else {
            throw AppError.notFound
        }
        if invitation.acceptedAt == nil {
            try await Invitations.send(invitation, to: invitation.user, services: req.cohesion, on: req.db)
            await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        }
        return req.redirect(to: Notice.invited.appended(to: AdminURL.invitations(.value(invitation.$edition.id)).path))
    }

    // MARK: - Accepting

    func showAccept(req: Request) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        guard let invitation = try await Invitations.valid(secret: secret, now: req.now, on: req.db) else {
            return .html(AccountViews.invalidLink(frame: req.frame("Einladung")), status: .gone)
        }
        var frame = req.frame("Einladung annehmen")
        frame.visitor = try await SessionStore.ensure(on: req)
        return .html(
            InvitationAcceptView.page(
                frame: frame, token: secret, name: invitation.user.name,
                edition: invitation.edition.title, errors: FieldErrors()))
    }

    func accept(req: Request) async throws -> Response {
        let secret = req.parameters.get("token") ?? ""
        guard let invitation = try await Invitations.valid(secret: secret, now: req.now, on: req.db) else {
            return .html(AccountViews.invalidLink(frame: req.frame("Einladung")), status: .gone)
        }
        let values = req.formValues()
        let errors = AccountViews.checkNewPassword(values)
        guard errors.isEmpty else {
            return .html(
                InvitationAcceptView.page(
                    frame: req.frame("Einladung annehmen"), token: secret, name: invitation.user.name,
                    edition: invitation.edition.title, errors: errors), status: .unprocessableEntity)
        }
        let hash = try await req.password.async.hash(values["password"])
        try await Invitations.accept(invitation, passwordHash: hash, now: req.now, on: req.db)
        let user = invitation.user
        _ = try await SessionStore.start(for: CurrentUser(id: try user.requireID(), name: user.name, email: user.email, role: .participant), on: req)
        return req.redirect(to: Notice.welcome.appended(to: SiteURL.profile.path))
    }

    private func page(_ req: Request, values: FormValues, errors: FieldErrors, upload: InvitationViews.UploadResult?) async throws -> Response {
        guard let model = try await InvitationOverview.query(editionID: try req.parameters.require(.edition).rawValue, now: req.now, on: req.sql) else {
            throw AppError.notFound
        }
        let view = InvitationViews.page(model, values: values, errors: errors, upload: upload, frame: req.frame("Einladungen", section: .admin))
        let failed = !errors.isEmpty || (upload.map { $0.invited == 0 && !$0.errors.isEmpty } ?? false)
        return .html(view, status: failed ? .unprocessableEntity : .ok)
    }
}
