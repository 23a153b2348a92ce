import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// A topic team: officers from several municipalities working on one practical question, with
/// a result text they write together. Proposed by anyone with an account except partners.
final class TopicTeam: Model, @unchecked Sendable {
    static let schema = "topic_teams"

    @ID(key: .id) var id: UUID?
    @Field(key: "question") var question: String
    @Field(key: "description") var description: String
    @Parent(key: "proposed_by") var proposedBy: User
    @Field(key: "created_at") var createdAt: Date
    /// When a member marked the result finished; from then on it can be offered to the portal.
    @OptionalField(key: "finished_at") var finishedAt: Date?

    init() {}

    init(question: String, description: String, proposedBy: UUID, at now: Date) {
        self.question = question
        self.description = description
        self.$proposedBy.id = proposedBy
        self.createdAt = now
    }
}

/// Who belongs to a team; one row per person and team.
final class TopicTeamMember: Model, @unchecked Sendable {
    static let schema = "topic_team_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: TopicTeam
    @Parent(key: "user_id") var user: User
    @Field(key: "joined_at") var joinedAt: Date

    init() {}

    init(teamID: UUID, userID: UUID, at now: Date) {
        self.$team.id = teamID
        self.$user.id = userID
        self.joinedAt = now
    }
}

/// A post in a team's conversation; answers sit under a post without `parentID`, one level deep.
final class TopicTeamPost: Model, @unchecked Sendable {
    static let schema = "topic_team_posts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: TopicTeam
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Parent(key: "author_id") var author: User
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "deleted_at") var deletedAt: Date?

    init() {}

    init(teamID: UUID, parentID: UUID?, authorID: UUID, body: String, at now: Date) {
        self.$team.id = teamID
        self.parentID = parentID
        self.$author.id = authorID
        self.body = body
        self.createdAt = now
    }
}

/// One saved version of a team's result. Versions are numbered 1, 2, 3 … per team, and the pair
/// (team, number) is unique in the database: of two members saving on top of the same version at
/// the same moment, exactly one gets the next number, and the other is shown both texts.
final class TopicTeamVersion: Model, @unchecked Sendable {
    static let schema = "topic_team_versions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: TopicTeam
    @Field(key: "number") var number: Int
    @Parent(key: "author_id") var author: User
    @Field(key: "text") var text: String
    @Field(key: "note") var note: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(teamID: UUID, number: Int, authorID: UUID, text: String, note: String, at now: Date) {
        self.$team.id = teamID
        self.number = number
        self.$author.id = authorID
        self.text = text
        self.note = note
        self.createdAt = now
    }
}

/// A file the team shares, taken by the rules of unit material (`CheckedUpload`).
final class TopicTeamDocument: Model, @unchecked Sendable {
    static let schema = "topic_team_documents"

    @ID(key: .id) var id: UUID?
    @Parent(key: "team_id") var team: TopicTeam
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @Parent(key: "uploaded_by") var uploadedBy: User
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(teamID: UUID, upload: CheckedUpload, by userID: UUID, at now: Date) {
        self.$team.id = teamID
        self.fileName = upload.fileName
        self.contentType = upload.contentType
        self.size = upload.data.count
        self.data = upload.data
        self.$uploadedBy.id = userID
        self.createdAt = now
    }
}

struct CreateTopicTeams: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(TopicTeam.schema)
            .id()
            .field("question", .string, .required)
            .field("description", .string, .required)
            .field("proposed_by", .uuid, .required, .references(User.schema, .id))
            .field("created_at", .datetime, .required)
            .field("finished_at", .datetime)
            .create()
        try await database.schema(TopicTeamMember.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TopicTeam.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("joined_at", .datetime, .required)
            .unique(on: "team_id", "user_id")
            .create()
        try await database.schema(TopicTeamPost.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TopicTeam.schema, .id, onDelete: .cascade))
            .field("parent_id", .uuid, .references(TopicTeamPost.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("deleted_at", .datetime)
            .create()
        try await database.schema(TopicTeamVersion.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TopicTeam.schema, .id, onDelete: .cascade))
            .field("number", .int, .required)
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("text", .string, .required)
            .field("note", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "team_id", "number")
            .create()
        try await database.schema(TopicTeamDocument.schema)
            .id()
            .field("team_id", .uuid, .required, .references(TopicTeam.schema, .id, onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .uuid, .required, .references(User.schema, .id))
            .field("created_at", .datetime, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX topic_team_members_user ON topic_team_members (user_id)").run()
        try await sql.raw("CREATE INDEX topic_team_posts_team ON topic_team_posts (team_id, created_at)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [TopicTeamDocument.schema, TopicTeamVersion.schema, TopicTeamPost.schema, TopicTeamMember.schema, TopicTeam.schema] {
            try await database.schema(schema).delete()
        }
    }
}
