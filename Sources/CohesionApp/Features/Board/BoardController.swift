import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// An edition's board: threads of announcements and questions with their answers.
struct BoardController {
    /// A form on the board that came back with errors: which one (nil: the new thread), as typed.
    struct FormState: Sendable {
        var replyTo: UUID?
        var values: FormValues
        var errors: FieldErrors
    }

    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        try await ExchangeVisit.record(user.id, scope: .board(editionID: editionID), at: req.now, on: req.sql)
        return try await page(req, edition: edition, form: nil, status: .ok)
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edition = try await Edition.named(by: req)
        let values = req.formValues()
        switch BoardInput(values).checkThread(byLead: user.role.canEditStructure) {
        case .invalid(let errors):
            return try await page(req, edition: edition, form: FormState(replyTo: nil, values: values, errors: errors), status: .unprocessableEntity)
        case .valid(let post):
            let id = try await Self.write(post, parentID: nil, edition: edition, by: user, req: req)
            return req.redirect(
                to: Notice.postSaved.appended(to: SiteURL.board(.value(try edition.requireID())).path) + "#beitrag-\(id.uuidString.lowercased())")
        }
    }

    func reply(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        let parentID = try req.parameters.require(.post).rawValue
        guard let parent = try await BoardPost.find(parentID, on: req.db), parent.$edition.id == editionID else { throw AppError.notFound }
        guard parent.parentID == nil else { throw AppError(.conflict, "Antworten stehen unter dem ersten Beitrag eines Themas; bitte dort antworten.") }
        guard parent.deletedAt == nil, parent.hiddenAt == nil else {
            throw AppError(.conflict, "Dieses Thema ist gelöscht oder ausgeblendet; Antworten sind nicht mehr möglich.")
        }
        let values = req.formValues()
        switch BoardInput(values).checkAnswer() {
        case .invalid(let errors):
            return try await page(req, edition: edition, form: FormState(replyTo: parentID, values: values, errors: errors), status: .unprocessableEntity)
        case .valid(let post):
            let id = try await Self.write(post, parentID: parentID, edition: edition, by: user, req: req)
            return req.redirect(to: Notice.postSaved.appended(to: SiteURL.board(.value(editionID)).path) + "#beitrag-\(id.uuidString.lowercased())")
        }
    }

    /// Stores the post and, in the same transaction, the mails of those who want one per post.
    static func write(_ post: BoardInput.Valid, parentID: UUID?, edition: Edition, by user: CurrentUser, req: Request) async throws -> UUID {
        let editionID = try edition.requireID()
        let created = BoardPost(
            editionID: editionID, parentID: parentID, kind: post.kind, authorID: user.id, title: post.title, body: post.body, at: req.now)
        let link = req.cohesion.config.absoluteURL(SiteURL.board(.value(editionID)).path)
        let people = try await BoardAudience.people(of: editionID, on: req.sql)
        let threadTitle = try await parentID.asyncFlatMap { try await BoardPost.find($0, on: req.db)?.title } ?? post.title
        try await req.db.transaction { db in
            try await created.create(on: db)
            try await PostMails.send(
                to: people, scope: .board(editionID: editionID), authorID: user.id,
                subject: "Cohesion: \(post.kind.label) im Forum „\(edition.title)“: \(threadTitle)",
                text: "\(user.name) hat im Forum „\(edition.title)“ geschrieben (\(post.kind.label), „\(threadTitle)“):\n\n" + PostText.plain(post.body),
                link: link + "#beitrag-" + (created.id?.uuidString.lowercased() ?? ""), on: db)
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return try created.requireID()
    }

    // MARK: - One's own post

    func editForm(req: Request) async throws -> Response {
        let (edition, post) = try await ownPost(req)
        return try editPage(
            req, edition: edition, post: post, values: FormValues(["titel": post.title, "text": post.body]), errors: FieldErrors(), status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        let (edition, post) = try await ownPost(req)
        let values = req.formValues()
        var input = BoardInput(values)
        input.kind = post.kind.rawValue
        let checked = post.parentID == nil ? input.checkThread(byLead: post.kind == .announcement) : input.checkAnswer()
        switch checked {
        case .invalid(let errors):
            return try editPage(req, edition: edition, post: post, values: values, errors: errors, status: .unprocessableEntity)
        case .valid(let valid):
            post.title = valid.title
            post.body = valid.body
            post.editedAt = req.now
            try await post.save(on: req.db)
            return req.redirect(
                to: Notice.postSaved.appended(to: SiteURL.board(.value(try edition.requireID())).path)
                    + "#beitrag-\(try post.requireID().uuidString.lowercased())")
        }
    }

    /// The text goes; a marker stays, so that the answers below still read as a conversation.
    func delete(req: Request) async throws -> Response {
        let (edition, post) = try await ownPost(req)
        post.title = ""
        post.body = ""
        post.deletedAt = req.now
        try await post.save(on: req.db)
        return req.redirect(to: Notice.postDeleted.appended(to: SiteURL.board(.value(try edition.requireID())).path))
    }

    private func ownPost(_ req: Request) async throws -> (Edition, BoardPost) {
        let edition = try await Edition.named(by: req)
        // The route's rule has checked that the post is this person's and belongs to the edition.
        guard let post = try await BoardPost.find(req.parameters.require(.post).rawValue, on: req.db) else { throw AppError.notFound }
        guard post.deletedAt == nil else { throw AppError(.conflict, "Dieser Beitrag ist gelöscht.") }
        guard post.hiddenAt == nil else { throw AppError(.conflict, "Die Programmleitung hat diesen Beitrag ausgeblendet; er lässt sich nicht mehr ändern.") }
        return (edition, post)
    }

    private func editPage(_ req: Request, edition: Edition, post: BoardPost, values: FormValues, errors: FieldErrors, status: HTTPStatus) throws -> Response {
        .html(
            BoardView.edit(
                editionID: try edition.requireID(), editionTitle: edition.title, postID: try post.requireID(), isThread: post.parentID == nil,
                values: values, errors: errors, frame: req.frame("Beitrag bearbeiten", section: .exchange)),
            status: status)
    }

    // MARK: - The lead

    /// Hides a post with a reason; the text stays for the lead and its author, and the audit log keeps why.
    func hide(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        guard let post = try await BoardPost.find(req.parameters.require(.post).rawValue, on: req.db), post.$edition.id == editionID else {
            throw AppError.notFound
        }
        let values = req.formValues()
        var errors = FieldErrors()
        let reason = errors.require("grund", values["grund"], "einen Grund", maxLength: 300)
        guard errors.isEmpty else {
            let form = FormState(replyTo: try post.requireID(), values: values, errors: errors)
            return try await page(req, edition: edition, form: form, status: .unprocessableEntity, hiding: true)
        }
        let postID = try post.requireID()
        try await Audit.recording(BoardFeature.audit, "Beitrag im Forum „\(edition.title)“ ausgeblendet: \(reason)", objectID: postID, by: req) { db in
            post.hiddenAt = req.now
            post.hiddenReason = reason
            try await post.save(on: db)
        }
        return req.redirect(to: Notice.postHidden.appended(to: SiteURL.board(.value(editionID)).path) + "#beitrag-\(postID.uuidString.lowercased())")
    }

    // MARK: - The page

    private func page(_ req: Request, edition: Edition, form: FormState?, status: HTTPStatus, hiding: Bool = false) async throws -> Response {
        let user = try req.requireUser()
        let model = try await BoardPage.query(editionID: try edition.requireID(), editionTitle: edition.title, viewer: user, on: req.sql)
        return .html(
            BoardView.render(model, form: form, hiding: hiding, visitor: req.visitor, frame: req.frame("Forum: \(edition.title)", section: .exchange)),
            status: status)
    }
}

extension Notice {
    static let postSaved = Notice("beitrag-gespeichert", "Ihr Beitrag ist gespeichert.")
    static let postDeleted = Notice("beitrag-geloescht", "Der Beitrag ist gelöscht. Eine Markierung zeigt im Thema, dass hier ein Beitrag stand.")
    static let postHidden = Notice("beitrag-ausgeblendet", "Der Beitrag ist ausgeblendet; der Grund steht im Protokoll.")
}
