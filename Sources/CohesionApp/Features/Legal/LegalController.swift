import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// Shows, edits and takes feedback for the legal pages.
struct LegalController {
    struct Flash: Codable { let message: String }

    func show(_ kind: LegalPageKind, req: Request) async throws -> Response {
        try await render(kind, req: req, values: FormValues(), errors: FieldErrors())
    }

    /// Feedback on barriers reaches every admin by mail (through the outbox); the person gets a confirmation on the page.
    func feedback(req: Request) async throws -> Response {
        let values = req.formValues()
        var errors = FieldErrors()
        let message = errors.require("message", values["message"], "Ihre Rückmeldung", maxLength: 4000, multiline: true)
        let contact = errors.optional("contact", values["contact"], maxLength: 200)
        guard errors.isEmpty else { return try await render(.accessibility, req: req, values: values, errors: errors) }
        let admins = try await User.query(on: req.db).filter(\.$role == .admin).all()
        try await req.db.transaction { db in
            for admin in admins {
                try await Mailer.enqueue(
                    to: admin.email, subject: "Cohesion: Rückmeldung zur Barrierefreiheit",
                    body: "Kontakt: \(contact.isEmpty ? "nicht angegeben" : contact)\n\n\(message)\n", on: db)
            }
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        try await SessionFlash.put(Flash(message: "Danke! Ihre Rückmeldung ist bei der Administration angekommen."), on: req)
        return req.redirect(to: SiteURL.legal(.accessibility).path)
    }

    func edit(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        let text = try await LegalPage.text(of: kind, on: req.db) ?? kind.placeholder
        return .html(
            LegalViews.edit(
                kind, values: FormValues(["body": text]), errors: FieldErrors(),
                frame: req.frame(kind.title + " bearbeiten", section: .admin)))
    }

    func save(req: Request) async throws -> Response {
        let kind = try Self.kind(req)
        let values = req.formValues()
        var errors = FieldErrors()
        let body = errors.require("body", values["body"], "den Text der Seite", maxLength: 50_000, multiline: true)
        guard errors.isEmpty else {
            return .html(
                LegalViews.edit(kind, values: values, errors: errors, frame: req.frame(kind.title + " bearbeiten", section: .admin)),
                status: .unprocessableEntity)
        }
        let page = try await LegalPage.query(on: req.db).filter(\.$kind == kind).first() ?? LegalPage()
        page.kind = kind
        page.body = body
        page.updatedAt = req.now
        try await Audit.recording(.setting, "Seite „\(kind.title)“ geändert", by: req) { db in try await page.save(on: db) }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.legal(kind).path))
    }

    private static func kind(_ req: Request) throws -> LegalPageKind {
        guard let kind = req.parameters.get("kind").flatMap(LegalPageKind.init(rawValue:)) else { throw AppError.notFound }
        return kind
    }

    private func render(_ kind: LegalPageKind, req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        var frame = req.frame(kind.title)
        // The feedback form needs a session for its CSRF token, also for visitors who are not signed in.
        if kind == .accessibility { frame.visitor = try await SessionStore.ensure(on: req) }
        let text = try await LegalPage.text(of: kind, on: req.db) ?? kind.placeholder
        let thanks = kind == .accessibility ? try await SessionFlash.take(Flash.self, on: req)?.message : nil
        let view = LegalViews.page(
            kind, text: text, personalData: kind == .privacy ? req.features.personalData : [], values: values, errors: errors,
            thanks: thanks, mayEdit: req.user?.role == .admin, frame: frame)
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
