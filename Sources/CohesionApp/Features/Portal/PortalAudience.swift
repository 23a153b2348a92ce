import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Who reads and who changes the portal. Every account reads every article; without an account
/// only articles all of whose authors agreed to show them publicly are there. Only an article's
/// authors change its public consent or withdraw it; the lead may withdraw any.
enum PortalAudience {
    /// The handlers answer 404 for an article that is not public to a visitor without an account,
    /// so that its existence is not revealed.
    static let readers = AccessRule.everyone("alle; ohne Konto nur öffentliche Beiträge")

    static let author = AccessRule.roles(TopicTeamAudience.roles, "die Autor*innen des Beitrags") { req, user in
        let articleID = try req.parameters.require(.article).rawValue
        guard let state = try await PortalArticleLookup.state(of: articleID, on: req.sql) else { throw AppError.notFound }
        return state.authors.contains(user.id)
    }

    static let authorOrLead = AccessRule.roles(TopicTeamAudience.roles, "die Autor*innen des Beitrags; Programmleitung") { req, user in
        let articleID = try req.parameters.require(.article).rawValue
        guard let state = try await PortalArticleLookup.state(of: articleID, on: req.sql) else { throw AppError.notFound }
        return state.authors.contains(user.id) || user.role.canEditStructure
    }

    /// A finished team's result, for its members, once.
    static let teamMember = TopicTeamAudience.member

    /// One's own practice project.
    static let ownProject = AccessRule.ownObject([.participant], "Teilnehmer*innen, nur das eigene Praxisprojekt", table: PracticeProject.schema) {
        try $0.parameters.require(.project).rawValue
    }
}

/// Short reads about articles, for the rules and for other features' pages.
enum PortalArticleLookup {
    struct State: Sendable { let authors: Set<UUID>; let isPublic: Bool }
    struct Link: Sendable, Decodable { let id: UUID; let title: String }

    private struct AuthorRow: Decodable { let userId: UUID?; let publicConsent: Bool? }

    static func state(of articleID: UUID, on db: any SQLDatabase) async throws -> State? {
        let rows = try await db.raw(
            """
            SELECT w.user_id, w.public_consent FROM portal_articles a LEFT JOIN portal_article_authors w ON w.article_id = a.id
            WHERE a.id = \(bind: articleID)
            """
        ).all(decoding: AuthorRow.self, with: .snakeCaseColumns)
        guard !rows.isEmpty else { return nil }
        let authors = rows.compactMap(\.userId)
        return State(authors: Set(authors), isPublic: !authors.isEmpty && rows.allSatisfy { $0.publicConsent == true })
    }

    static func forTeam(_ teamID: UUID, on db: any SQLDatabase) async throws -> Link? {
        try await db.raw("SELECT id, title FROM portal_articles WHERE team_id = \(bind: teamID)").first(decoding: Link.self)
    }

    static func forProject(_ projectID: UUID, on db: any SQLDatabase) async throws -> Link? {
        try await db.raw("SELECT id, title FROM portal_articles WHERE practice_project_id = \(bind: projectID)").first(decoding: Link.self)
    }
}
