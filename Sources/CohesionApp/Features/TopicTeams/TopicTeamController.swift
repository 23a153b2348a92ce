import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Proposing, joining and leaving teams, and their conversation.
struct TopicTeamController {
    func list(req: Request) async throws -> Response {
        try await listPage(req, values: FormValues(), errors: FieldErrors(), status: .ok)
    }

    func propose(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        switch TopicTeamInput.proposal(values) {
        case .invalid(let errors):
            return try await listPage(req, values: values, errors: errors, status: .unprocessableEntity)
        case .valid(let proposal):
            let team = TopicTeam(question: proposal.question, description: proposal.description, proposedBy: user.id, at: req.now)
            try await req.db.transaction { db in
                try await team.create(on: db)
                try await TopicTeamMember(teamID: try team.requireID(), userID: user.id, at: req.now).create(on: db)
            }
            return req.redirect(to: Notice.teamProposed.appended(to: SiteURL.topicTeam(.value(try team.requireID())).path))
        }
    }

    func show(req: Request) async throws -> Response {
        try await teamPage(req, form: nil, status: .ok)
    }

    /// Joining twice changes nothing: the pair (team, person) is unique.
    func join(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        if try await !TopicTeamAudience.isMember(user.id, of: teamID, on: req.sql) {
            do {
                try await TopicTeamMember(teamID: teamID, userID: user.id, at: req.now).create(on: req.db)
            } catch {
                // A second click that raced the first finds the membership there, which is what was asked.
                guard try await TopicTeamAudience.isMember(user.id, of: teamID, on: req.sql) else { throw error }
            }
        }
        return req.redirect(to: Notice.teamJoined.appended(to: SiteURL.topicTeam(.value(teamID)).path))
    }

    /// What the person wrote stays with the team; only the membership goes.
    func leave(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        try await TopicTeamMember.query(on: req.db).filter(\.$team.$id == teamID).filter(\.$user.$id == user.id).delete()
        return req.redirect(to: Notice.teamLeft.appended(to: SiteURL.topicTeam(.value(teamID)).path))
    }

    func post(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        let values = req.formValues()
        switch TopicTeamInput.post(values) {
        case .invalid(let errors):
            return try await teamPage(req, form: .init(values: values, errors: errors), status: .unprocessableEntity)
        case .valid(let post):
            if let parentID = post.parentID {
                guard let parent = try await TopicTeamPost.find(parentID, on: req.db), parent.$team.id == teamID, parent.parentID == nil,
                    parent.deletedAt == nil
                else {
                    var errors = FieldErrors()
                    errors.add("text", "Auf diesen Beitrag lässt sich nicht antworten; er ist gelöscht oder gehört zu keinem Thema dieses Teams.")
                    return try await teamPage(req, form: .init(values: values, errors: errors), status: .unprocessableEntity)
                }
            }
            let created = TopicTeamPost(teamID: teamID, parentID: post.parentID, authorID: user.id, body: post.body, at: req.now)
            try await created.create(on: req.db)
            return req.redirect(
                to: Notice.postSaved.appended(to: SiteURL.topicTeam(.value(teamID)).path) + "#beitrag-\(try created.requireID().uuidString.lowercased())")
        }
    }

    /// A form on the team page that came back with its errors, as typed.
    struct FormState: Sendable {
        var values: FormValues
        var errors: FieldErrors
    }

    /// The team's page; `uploadError` is a refused document's message for the upload form.
    func teamPage(_ req: Request, form: FormState?, uploadError: String? = nil, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        guard let model = try await TopicTeamPage.query(teamID: teamID, viewer: user, on: req.sql) else { throw AppError.notFound }
        let article = try await PortalArticleLookup.forTeam(teamID, on: req.sql)
        let documents = model.viewerIsMember ? try await TopicTeamDocumentController.listed(teamID: teamID, on: req.sql) : []
        let upload = TopicTeamView.Upload(documents: documents, maxMegabytes: req.cohesion.config.materialMaxMegabytes, error: uploadError)
        return .html(
            TopicTeamView.team(
                model, article: article, upload: upload, form: form, visitor: req.visitor, frame: req.frame("Team: " + model.question, section: .exchange)),
            status: status)
    }

    private struct ListRow: Decodable {
        let id: UUID; let question: String; let members: Int; let finishedAt: Date?; let isMember: Int
    }

    private func listPage(_ req: Request, values: FormValues, errors: FieldErrors, status: HTTPStatus) async throws -> Response {
        let user = try req.requireUser()
        let rows = try await req.sql.raw(
            """
            SELECT t.id, t.question, t.finished_at,
                   (SELECT COUNT(*) FROM topic_team_members m JOIN users u ON u.id = m.user_id WHERE m.team_id = t.id AND u.erased_at IS NULL) AS members,
                   (SELECT COUNT(*) FROM topic_team_members m WHERE m.team_id = t.id AND m.user_id = \(bind: user.id)) AS is_member
            FROM topic_teams t ORDER BY t.finished_at IS NOT NULL, t.created_at DESC
            """
        ).all(decoding: ListRow.self, with: .snakeCaseColumns)
        let teams = rows.map {
            TopicTeamView.ListedTeam(id: $0.id, question: $0.question, members: $0.members, finished: $0.finishedAt != nil, isMember: $0.isMember > 0)
        }
        return .html(
            TopicTeamView.list(teams, values: values, errors: errors, visitor: req.visitor, frame: req.frame("Thementeams", section: .exchange)),
            status: status)
    }
}

extension Notice {
    static let teamProposed = Notice("team-vorgeschlagen", "Das Team ist angelegt, und Sie sind sein erstes Mitglied.")
    static let teamJoined = Notice("team-beigetreten", "Sie sind Mitglied des Teams.")
    static let teamLeft = Notice("team-verlassen", "Sie haben das Team verlassen. Ihre Beiträge und Fassungen bleiben beim Team.")
    static let resultSaved = Notice("ergebnis-gespeichert", "Die neue Fassung des Ergebnisses ist gespeichert.")
    static let resultFinished = Notice("ergebnis-abgeschlossen", "Das Ergebnis ist abgeschlossen und kann ins Praxisportal.")
}
