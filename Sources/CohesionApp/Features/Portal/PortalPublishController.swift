import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Offering a finished team result or a completed practice project to the portal.
struct PortalPublishController {
    func teamForm(req: Request) async throws -> Response {
        let (team, result) = try await finishedTeam(req)
        let values = FormValues(["titel": team.question, "zusammenfassung": String(PostText.plain(result.text).prefix(400))])
        return try page(
            req, source: .team, sourceTitle: team.question, sourceText: result.text, tags: try await PortalTags.load(on: req.sql), values: values,
            errors: FieldErrors(), status: .ok)
    }

    func publishTeam(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (team, result) = try await finishedTeam(req)
        let teamID = try team.requireID()
        let values = req.formValues()
        let tags = try await PortalTags.load(on: req.sql)
        switch PortalPublishing.check(values, tags: tags, needsConsent: false) {
        case .invalid(let errors):
            return try page(
                req, source: .team, sourceTitle: team.question, sourceText: result.text, tags: tags, values: values, errors: errors,
                status: .unprocessableEntity)
        case .valid(let draft):
            let authors = try await TopicTeamPage.members(of: teamID, on: req.sql).map(\.userId)
            let articleID = try await PortalPublishing.publish(
                draft, body: result.text, source: .team, teamID: teamID, practiceProjectID: nil, authors: authors, by: user.id, at: req.now, on: req.db)
            return req.redirect(to: Notice.portalPublished.appended(to: SiteURL.portalArticle(.value(articleID)).path))
        }
    }

    func projectForm(req: Request) async throws -> Response {
        let project = try await completedProject(req)
        let values = FormValues(["titel": project.goal, "zusammenfassung": String(project.helped.prefix(400))])
        return try page(
            req, source: .practiceProject, sourceTitle: project.goal, sourceText: Self.text(of: project), tags: try await PortalTags.load(on: req.sql),
            values: values, errors: FieldErrors(), status: .ok)
    }

    func publishProject(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let project = try await completedProject(req)
        let values = req.formValues()
        let tags = try await PortalTags.load(on: req.sql)
        switch PortalPublishing.check(values, tags: tags, needsConsent: true) {
        case .invalid(let errors):
            return try page(
                req, source: .practiceProject, sourceTitle: project.goal, sourceText: Self.text(of: project), tags: tags, values: values,
                errors: errors, status: .unprocessableEntity)
        case .valid(let draft):
            let articleID = try await PortalPublishing.publish(
                draft, body: Self.text(of: project), source: .practiceProject, teamID: nil, practiceProjectID: try project.requireID(),
                authors: [user.id], by: user.id, at: req.now, on: req.db)
            return req.redirect(to: Notice.portalPublished.appended(to: SiteURL.portalArticle(.value(articleID)).path))
        }
    }

    /// A practice project as an article: goal, first steps, outcome, what helped and what hindered.
    static func text(of project: PracticeProject) -> String {
        var parts = ["**Ziel:** " + project.goal, "**Erste Schritte:** " + project.firstSteps]
        if let outcome = project.outcome { parts.append("**Ergebnis:** " + outcome.label) }
        if !project.helped.isEmpty { parts.append("**Was geholfen hat:** " + project.helped) }
        if !project.hindered.isEmpty { parts.append("**Was gebremst hat:** " + project.hindered) }
        return parts.joined(separator: "\n\n")
    }

    private func finishedTeam(_ req: Request) async throws -> (TopicTeam, TopicTeamPage.Version) {
        let teamID = try req.parameters.require(.team).rawValue
        guard let team = try await TopicTeam.find(teamID, on: req.db) else { throw AppError.notFound }
        guard team.finishedAt != nil, let result = try await TopicTeamVersions.latest(of: teamID, on: req.sql) else {
            throw AppError(.conflict, "Erst ein abgeschlossenes Ergebnis kann ins Praxisportal.")
        }
        if try await PortalArticleLookup.forTeam(teamID, on: req.sql) != nil {
            throw AppError(.conflict, "Das Ergebnis dieses Teams steht schon im Praxisportal.")
        }
        return (team, result)
    }

    private func completedProject(_ req: Request) async throws -> PracticeProject {
        let projectID = try req.parameters.require(.project).rawValue
        guard let project = try await PracticeProject.find(projectID, on: req.db) else { throw AppError.notFound }
        guard project.outcome != nil else {
            throw AppError(.conflict, "Erst ein Praxisprojekt, über das Sie berichtet haben, kann ins Praxisportal.")
        }
        if try await PortalArticleLookup.forProject(projectID, on: req.sql) != nil {
            throw AppError(.conflict, "Dieses Praxisprojekt steht schon im Praxisportal.")
        }
        return project
    }

    private func page(
        _ req: Request, source: PortalSource, sourceTitle: String, sourceText: String, tags: PortalTags, values: FormValues, errors: FieldErrors,
        status: HTTPStatus
    ) throws -> Response {
        .html(
            PortalView.publishForm(
                source: source, sourceTitle: sourceTitle, sourceText: sourceText, action: req.url.path, tags: tags, values: values, errors: errors,
                frame: req.frame("Im Praxisportal veröffentlichen", section: .exchange)),
            status: status)
    }
}
