import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// What a post on the board is: the lead announces, everyone in the edition asks and answers.
enum BoardPostKind: String, CaseIterable, Sendable, Codable {
    case announcement = "ankuendigung"
    case question = "frage"
    case answer = "antwort"

    var label: String {
        switch self {
        case .announcement: "Ankündigung"
        case .question: "Frage"
        case .answer: "Antwort"
        }
    }
}

/// One post of an edition's board. A thread is a post without `parentID` and its answers, one
/// level deep. Deleting keeps the row as a marker with its text removed, so the thread still reads;
/// hiding (by the lead) keeps the text for the lead and records why.
final class BoardPost: Model, @unchecked Sendable {
    static let schema = "board_posts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "kind") var kind: BoardPostKind
    @Parent(key: "author_id") var author: User
    /// Threads have a title; answers have none.
    @Field(key: "title") var title: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "edited_at") var editedAt: Date?
    @OptionalField(key: "deleted_at") var deletedAt: Date?
    @OptionalField(key: "hidden_at") var hiddenAt: Date?
    @Field(key: "hidden_reason") var hiddenReason: String

    init() {}

    init(editionID: UUID, parentID: UUID?, kind: BoardPostKind, authorID: UUID, title: String, body: String, at now: Date) {
        self.$edition.id = editionID
        self.parentID = parentID
        self.kind = kind
        self.$author.id = authorID
        self.title = title
        self.body = body
        self.createdAt = now
        self.hiddenReason = ""
    }
}

struct CreateBoard: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(BoardPost.schema)
            .id()
            .field("edition_id", .uuid, .required, .references("editions", .id, onDelete: .cascade))
            .field("parent_id", .uuid, .references(BoardPost.schema, .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("title", .string, .required)
            .field("body", .string, .required)
            .field("created_at", .datetime, .required)
            .field("edited_at", .datetime)
            .field("deleted_at", .datetime)
            .field("hidden_at", .datetime)
            .field("hidden_reason", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        // The board reads an edition's posts by time; the digest reads everyone's by time.
        try await sql.raw("CREATE INDEX board_posts_edition ON board_posts (edition_id, created_at)").run()
        try await sql.raw("CREATE INDEX board_posts_created ON board_posts (created_at)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(BoardPost.schema).delete()
    }
}
