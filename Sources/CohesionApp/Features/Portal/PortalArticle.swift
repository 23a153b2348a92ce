import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Where an article of the practice portal comes from.
enum PortalSource: String, Sendable, Codable {
    case team = "team"
    case practiceProject = "praxisprojekt"

    var label: String {
        switch self {
        case .team: "Ergebnis eines Thementeams"
        case .practiceProject: "Praxisprojekt"
        }
    }
}

/// An article of the practice portal: a finished team result or, with its author's consent, a
/// completed practice project. Its text is copied when it is published, so later changes to the
/// source do not change what readers found.
final class PortalArticle: Model, @unchecked Sendable {
    static let schema = "portal_articles"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String
    @Field(key: "body") var body: String
    @Field(key: "source") var source: PortalSource
    @OptionalParent(key: "team_id") var team: TopicTeam?
    @OptionalParent(key: "practice_project_id") var practiceProject: PracticeProject?
    @Parent(key: "published_by") var publishedBy: User
    @Field(key: "published_at") var publishedAt: Date

    init() {}

    init(title: String, summary: String, body: String, source: PortalSource, publishedBy: UUID, at now: Date) {
        self.title = title
        self.summary = summary
        self.body = body
        self.source = source
        self.$publishedBy.id = publishedBy
        self.publishedAt = now
    }
}

/// An author of an article, and whether they agree to show it to the public (without an account).
/// An article is public only when every author agrees.
final class PortalArticleAuthor: Model, @unchecked Sendable {
    static let schema = "portal_article_authors"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: PortalArticle
    @Parent(key: "user_id") var user: User
    @Field(key: "public_consent") var publicConsent: Bool

    init() {}

    init(articleID: UUID, userID: UUID, publicConsent: Bool) {
        self.$article.id = articleID
        self.$user.id = userID
        self.publicConsent = publicConsent
    }
}

/// What an article suits: a competence area, a kind or size of municipality, a field of action.
enum PortalTagKind: String, Sendable, Codable, CaseIterable {
    case area = "bereich"
    case municipalityKind = "art"
    case size = "groesse"
    case field = "feld"
}

final class PortalArticleTag: Model, @unchecked Sendable {
    static let schema = "portal_article_tags"

    @ID(key: .id) var id: UUID?
    @Parent(key: "article_id") var article: PortalArticle
    @Field(key: "kind") var kind: PortalTagKind
    @Field(key: "value") var value: String

    init() {}

    init(articleID: UUID, kind: PortalTagKind, value: String) {
        self.$article.id = articleID
        self.kind = kind
        self.value = value
    }
}

struct CreatePortal: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(PortalArticle.schema)
            .id()
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .field("body", .string, .required)
            .field("source", .string, .required)
            .field("team_id", .uuid, .references(TopicTeam.schema, .id, onDelete: .setNull))
            .field("practice_project_id", .uuid, .references(PracticeProject.schema, .id, onDelete: .cascade))
            .field("published_by", .uuid, .required, .references(User.schema, .id))
            .field("published_at", .datetime, .required)
            .unique(on: "team_id")
            .unique(on: "practice_project_id")
            .create()
        try await database.schema(PortalArticleAuthor.schema)
            .id()
            .field("article_id", .uuid, .required, .references(PortalArticle.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id))
            .field("public_consent", .bool, .required)
            .unique(on: "article_id", "user_id")
            .create()
        try await database.schema(PortalArticleTag.schema)
            .id()
            .field("article_id", .uuid, .required, .references(PortalArticle.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("value", .string, .required)
            .unique(on: "article_id", "kind", "value")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX portal_articles_published ON portal_articles (published_at)").run()
        try await sql.raw("CREATE INDEX portal_article_authors_user ON portal_article_authors (user_id)").run()
        try await sql.raw("CREATE INDEX portal_article_tags_filter ON portal_article_tags (kind, value, article_id)").run()
        try await PortalIndexFirstForm.create(on: sql)
    }

    func revert(on database: Database) async throws {
        if let sql = database as? any SQLDatabase { try await PortalIndexFirstForm.drop(on: sql) }
        for schema in [PortalArticleTag.schema, PortalArticleAuthor.schema, PortalArticle.schema] {
            try await database.schema(schema).delete()
        }
    }
}
