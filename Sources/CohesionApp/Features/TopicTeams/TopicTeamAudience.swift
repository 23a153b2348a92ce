import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Who takes part in topic teams: everyone with an account except partners, who see aggregates only.
/// A team's conversation, result and versions are for its members.
enum TopicTeamAudience {
    static let roles: Set<Role> = [.participant, .facilitator, .lead, .admin]

    static let signedIn = AccessRule.roles(roles, "alle Angemeldeten außer Partnern")

    /// An existing team (404 otherwise), for everyone who may take part in teams.
    static let anyTeam = AccessRule.roles(roles, "alle Angemeldeten außer Partnern") { req, _ in
        guard try await exists(req.parameters.require(.team).rawValue, on: req.sql) else { throw AppError.notFound }
        return true
    }

    /// An existing team, for its members.
    static let member = AccessRule.roles(roles, "Mitglieder des Teams") { req, user in
        let teamID = try req.parameters.require(.team).rawValue
        guard try await exists(teamID, on: req.sql) else { throw AppError.notFound }
        return try await isMember(user.id, of: teamID, on: req.sql)
    }

    /// A document of the team uploaded by this person, while they are a member.
    static let ownDocument = AccessRule.roles(roles, "wer die Datei hochgeladen hat, solange im Team") { req, user in
        let teamID = try req.parameters.require(.team).rawValue
        struct Row: Decodable { let uploadedBy: UUID }
        guard
            let row = try await req.sql.raw(
                "SELECT uploaded_by FROM topic_team_documents WHERE id = \(bind: try req.parameters.require(.document).rawValue) AND team_id = \(bind: teamID)"
            ).first(decoding: Row.self, with: .snakeCaseColumns)
        else { throw AppError.notFound }
        guard row.uploadedBy == user.id else { return false }
        return try await isMember(user.id, of: teamID, on: req.sql)
    }

    private struct Count: Decodable { let count: Int }

    static func exists(_ teamID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT COUNT(*) AS count FROM topic_teams WHERE id = \(bind: teamID)").first(decoding: Count.self)?.count ?? 0 > 0
    }

    static func isMember(_ userID: UUID, of teamID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT COUNT(*) AS count FROM topic_team_members WHERE team_id = \(bind: teamID) AND user_id = \(bind: userID)")
            .first(decoding: Count.self)?.count ?? 0 > 0
    }
}
