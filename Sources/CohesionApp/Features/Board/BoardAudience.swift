import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Who reads and writes an edition's board: its cohort, the facilitators who teach in it, and the
/// lead. Partners see aggregates only, never a board.
enum BoardAudience {
    static func includes(_ user: CurrentUser, editionID: UUID, on db: any SQLDatabase) async throws -> Bool {
        switch user.role {
        case .lead, .admin: true
        case .facilitator: try await Involvement.teaches(user.id, inEdition: editionID, on: db)
        case .participant: try await Involvement.isMember(user.id, ofEdition: editionID, on: db)
        case .partner: false
        }
    }

    /// The edition's board, for its audience.
    static let rule = AccessRule.leadOr([.participant, .facilitator], "Programmleitung; Teilnehmer*innen und Referent*innen des Durchlaufs") {
        req, user in
        try await includes(user, editionID: req.parameters.require(.edition).rawValue, on: req.sql)
    }

    /// A post of the edition written by this person, while they belong to the board.
    static let ownPost = AccessRule.roles(
        [.participant, .facilitator, .lead, .admin], "die Verfasser*in des Beitrags, solange sie zum Forum gehört"
    ) { req, user in
        let editionID = try req.parameters.require(.edition).rawValue
        guard let author = try await author(of: req.parameters.require(.post).rawValue, in: editionID, on: req.sql) else { throw AppError.notFound }
        guard author == user.id else { return false }
        return try await includes(user, editionID: editionID, on: req.sql)
    }

    /// A post of the edition, for the lead.
    static let leadOnPost = AccessRule.roles([.lead, .admin], "Programmleitung") { req, _ in
        guard try await author(of: req.parameters.require(.post).rawValue, in: req.parameters.require(.edition).rawValue, on: req.sql) != nil
        else { throw AppError.notFound }
        return true
    }

    private struct AuthorRow: Decodable { let authorId: UUID }

    static func author(of postID: UUID, in editionID: UUID, on db: any SQLDatabase) async throws -> UUID? {
        try await db.raw("SELECT author_id FROM board_posts WHERE id = \(bind: postID) AND edition_id = \(bind: editionID)")
            .first(decoding: AuthorRow.self, with: .snakeCaseColumns)?.authorId
    }

    /// Everyone the board reaches: the cohort, the edition's facilitators, the leads; never an
    /// erased or locked account.
    static func people(of editionID: UUID, on db: any SQLDatabase) async throws -> [PostMails.Recipient] {
        try await db.raw(
            """
            SELECT u.id, u.name, u.email FROM users u
            WHERE u.erased_at IS NULL AND u.locked_at IS NULL AND (
                u.role IN (\(bind: Role.lead.rawValue), \(bind: Role.admin.rawValue))
                OR u.id IN (SELECT user_id FROM edition_members WHERE edition_id = \(bind: editionID))
                OR u.id IN (SELECT f.user_id FROM unit_facilitators f JOIN units un ON un.id = f.unit_id JOIN parts p ON p.id = un.part_id
                            WHERE p.edition_id = \(bind: editionID)))
            ORDER BY u.name
            """
        ).all(decoding: PostMails.Recipient.self, with: .snakeCaseColumns)
    }
}
