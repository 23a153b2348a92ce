import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The result a team writes together: every save is a new numbered version, and a save based on
/// an older version than the newest is never written over it.
struct TopicTeamResultController {
    /// What the editor sees after an edit that crossed someone else's: the newer version, what it
    /// changed against the version the editor started from, and their own text, kept.
    struct Conflict: Sendable {
        let current: TopicTeamPage.Version
        let theirChange: WordDifference
    }

    func form(req: Request) async throws -> Response {
        let teamID = try req.parameters.require(.team).rawValue
        let team = try await finishedCheck(teamID, on: req)
        let current = try await TopicTeamVersions.latest(of: teamID, on: req.sql)
        let values = FormValues(["text": current?.text ?? "", "grundlage": String(current?.number ?? 0)])
        return try page(req, team: team, values: values, errors: FieldErrors(), conflict: nil, status: .ok)
    }

    func save(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        let team = try await finishedCheck(teamID, on: req)
        var values = req.formValues()
        switch TopicTeamInput.result(values) {
        case .invalid(let errors):
            return try page(req, team: team, values: values, errors: errors, conflict: nil, status: .unprocessableEntity)
        case .valid(let edit):
            let version = TopicTeamVersion(teamID: teamID, number: edit.basis + 1, authorID: user.id, text: edit.text, note: edit.note, at: req.now)
            do {
                guard try await TopicTeamVersions.latest(of: teamID, on: req.sql)?.number ?? 0 == edit.basis else { throw Stale() }
                // The unique pair (team, number) decides between two saves on the same version.
                try await version.create(on: req.db)
            } catch {
                guard let current = try await TopicTeamVersions.latest(of: teamID, on: req.sql), current.number != edit.basis else {
                    guard error is Stale else { throw error }
                    var errors = FieldErrors()
                    errors.add("text", "Die Fassung, auf der Ihre Änderung beruht, ist nicht bekannt. Bitte die Seite neu laden.")
                    return try page(req, team: team, values: values, errors: errors, conflict: nil, status: .unprocessableEntity)
                }
                let basisText = try await TopicTeamVersions.numbered(edit.basis, of: teamID, on: req.sql)?.text ?? ""
                values["grundlage"] = String(current.number)
                let conflict = Conflict(current: current, theirChange: WordDifference(from: basisText, to: current.text))
                return try page(req, team: team, values: values, errors: FieldErrors(), conflict: conflict, status: .conflict)
            }
            return req.redirect(to: Notice.resultSaved.appended(to: SiteURL.topicTeam(.value(teamID)).path) + "#ergebnis")
        }
    }

    private struct Stale: Error {}

    /// All versions, newest first, and the comparison of two chosen ones (`?von=2&bis=5`).
    func versions(req: Request) async throws -> Response {
        let teamID = try req.parameters.require(.team).rawValue
        guard let team = try await TopicTeam.find(teamID, on: req.db) else { throw AppError.notFound }
        let versions = try await TopicTeamVersions.all(of: teamID, on: req.sql)
        var comparison: TopicTeamView.Comparison?
        let from = (try? req.query.get(String.self, at: "von")).flatMap { Int($0) }
        let to = (try? req.query.get(String.self, at: "bis")).flatMap { Int($0) }
        if let from, let to {
            guard let old = versions.first(where: { $0.number == from }), let new = versions.first(where: { $0.number == to }) else {
                throw AppError(.notFound, "Diese Fassungen gibt es in diesem Team nicht.")
            }
            comparison = TopicTeamView.Comparison(old: old, new: new, difference: WordDifference(from: old.text, to: new.text))
        }
        return .html(
            TopicTeamView.versions(
                teamID: teamID, question: team.question, versions: versions, comparison: comparison,
                frame: req.frame("Fassungen: " + team.question, section: .exchange)))
    }

    /// Marks the result finished; it needs at least one version.
    func finish(req: Request) async throws -> Response {
        let teamID = try req.parameters.require(.team).rawValue
        let team = try await finishedCheck(teamID, on: req)
        guard try await TopicTeamVersions.latest(of: teamID, on: req.sql) != nil else {
            throw AppError(.conflict, "Das Ergebnis hat noch keinen Text. Bitte erst eine Fassung speichern.")
        }
        team.finishedAt = req.now
        try await team.save(on: req.db)
        return req.redirect(to: Notice.resultFinished.appended(to: SiteURL.topicTeam(.value(teamID)).path) + "#ergebnis")
    }

    /// A finished result is not edited any more: it is what the portal shows.
    private func finishedCheck(_ teamID: UUID, on req: Request) async throws -> TopicTeam {
        guard let team = try await TopicTeam.find(teamID, on: req.db) else { throw AppError.notFound }
        guard team.finishedAt == nil else { throw AppError(.conflict, "Das Ergebnis dieses Teams ist abgeschlossen und wird nicht mehr bearbeitet.") }
        return team
    }

    private func page(
        _ req: Request, team: TopicTeam, values: FormValues, errors: FieldErrors, conflict: Conflict?, status: HTTPStatus
    ) throws -> Response {
        .html(
            TopicTeamView.resultForm(
                teamID: try team.requireID(), question: team.question, values: values, errors: errors, conflict: conflict,
                frame: req.frame("Ergebnis bearbeiten: " + team.question, section: .exchange)),
            status: status)
    }
}
