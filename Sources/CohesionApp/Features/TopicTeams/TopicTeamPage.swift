import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Everything a team's page shows, read in a few statements.
struct TopicTeamPage: Sendable {
    struct Member: Sendable, Decodable { let userId: UUID; let name: String; let municipality: String? }

    struct Post: Sendable {
        let id: UUID; let parentID: UUID?; let authorID: UUID; let author: String; let body: String; let createdAt: Date; let deleted: Bool
    }

    struct Thread: Sendable { let post: Post; let answers: [Post] }

    struct Version: Sendable {
        let id: UUID; let number: Int; let author: String; let text: String; let note: String; let createdAt: Date
    }

    let teamID: UUID
    let question: String
    let description: String
    let proposedBy: String
    let createdAt: Date
    let finishedAt: Date?
    let memberCount: Int
    /// Names and municipalities, for members only.
    let members: [Member]
    let viewerIsMember: Bool
    let viewerID: UUID
    let current: Version?
    let threads: [Thread]

    private struct TeamRow: Decodable {
        let question: String; let description: String; let proposer: String; let proposerErased: Date?; let createdAt: Date; let finishedAt: Date?
    }
    private struct PostRow: Decodable {
        let id: UUID; let parentId: UUID?; let authorId: UUID; let name: String; let erasedAt: Date?; let body: String; let createdAt: Date
        let deletedAt: Date?
    }

    static func query(teamID: UUID, viewer: CurrentUser, on db: any SQLDatabase) async throws -> TopicTeamPage? {
        guard
            let team = try await db.raw(
                """
                SELECT t.question, t.description, u.name AS proposer, u.erased_at AS proposer_erased, t.created_at, t.finished_at
                FROM topic_teams t JOIN users u ON u.id = t.proposed_by WHERE t.id = \(bind: teamID)
                """
            ).first(decoding: TeamRow.self, with: .snakeCaseColumns)
        else { return nil }
        let members = try await Self.members(of: teamID, on: db)
        let isMember = members.contains { $0.userId == viewer.id }
        var threads: [Thread] = []
        var current: Version?
        if isMember || team.finishedAt != nil {
            current = try await TopicTeamVersions.latest(of: teamID, on: db)
        }
        if isMember {
            let posts = try await db.raw(
                """
                SELECT p.id, p.parent_id, p.author_id, u.name, u.erased_at, p.body, p.created_at, p.deleted_at
                FROM topic_team_posts p JOIN users u ON u.id = p.author_id
                WHERE p.team_id = \(bind: teamID) ORDER BY p.created_at, p.id
                """
            ).all(decoding: PostRow.self, with: .snakeCaseColumns).map { row in
                Post(
                    id: row.id, parentID: row.parentId, authorID: row.authorId, author: row.erasedAt == nil ? row.name : "gelöschtes Konto",
                    body: row.deletedAt == nil ? row.body : "", createdAt: row.createdAt, deleted: row.deletedAt != nil)
            }
            let answers = Dictionary(grouping: posts.filter { $0.parentID != nil }, by: { $0.parentID! })
            threads = posts.filter { $0.parentID == nil }.map { Thread(post: $0, answers: answers[$0.id] ?? []) }.reversed()
        }
        return TopicTeamPage(
            teamID: teamID, question: team.question, description: team.description,
            proposedBy: team.proposerErased == nil ? team.proposer : "gelöschtes Konto", createdAt: team.createdAt, finishedAt: team.finishedAt,
            memberCount: members.count, members: isMember ? members : [], viewerIsMember: isMember, viewerID: viewer.id, current: current,
            threads: threads)
    }

    /// The team's members with the municipality of their profile, by name; erased accounts are no members.
    static func members(of teamID: UUID, on db: any SQLDatabase) async throws -> [Member] {
        try await db.raw(
            """
            SELECT m.user_id, u.name, r.name AS municipality FROM topic_team_members m
            JOIN users u ON u.id = m.user_id
            LEFT JOIN profiles p ON p.user_id = m.user_id LEFT JOIN regions r ON r.key = p.region_key
            WHERE m.team_id = \(bind: teamID) AND u.erased_at IS NULL ORDER BY u.name
            """
        ).all(decoding: Member.self, with: .snakeCaseColumns)
    }
}

/// Reading a team's versions.
enum TopicTeamVersions {
    private struct Row: Decodable {
        let id: UUID; let number: Int; let name: String; let erasedAt: Date?; let text: String; let note: String; let createdAt: Date
    }

    private static func select(_ db: any SQLDatabase, _ condition: SQLQueryString) async throws -> [TopicTeamPage.Version] {
        try await db.raw(
            """
            SELECT v.id, v.number, u.name, u.erased_at, v.text, v.note, v.created_at
            FROM topic_team_versions v JOIN users u ON u.id = v.author_id WHERE \(condition) ORDER BY v.number DESC
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns).map {
            TopicTeamPage.Version(
                id: $0.id, number: $0.number, author: $0.erasedAt == nil ? $0.name : "gelöschtes Konto", text: $0.text, note: $0.note,
                createdAt: $0.createdAt)
        }
    }

    static func latest(of teamID: UUID, on db: any SQLDatabase) async throws -> TopicTeamPage.Version? {
        try await select(
            db, "v.team_id = \(bind: teamID) AND v.number = (SELECT MAX(number) FROM topic_team_versions WHERE team_id = \(bind: teamID))"
        ).first
    }

    static func all(of teamID: UUID, on db: any SQLDatabase) async throws -> [TopicTeamPage.Version] {
        try await select(db, "v.team_id = \(bind: teamID)")
    }

    static func numbered(_ number: Int, of teamID: UUID, on db: any SQLDatabase) async throws -> TopicTeamPage.Version? {
        try await select(db, "v.team_id = \(bind: teamID) AND v.number = \(bind: number)").first
    }
}
