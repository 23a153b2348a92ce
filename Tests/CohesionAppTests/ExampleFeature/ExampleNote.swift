import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// A participant's short note. Its words are kept in a table of their own
/// (`example_note_words`), derived from the notes like a full-text index.
final class ExampleNote: Model, @unchecked Sendable {
    static let schema = "example_notes"
    static let wordsTable = "example_note_words"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "text") var text: String

    init() {}

    init(userID: UUID, text: String) {
        self.$user.id = userID
        self.text = text
    }

    /// The words of a note as the index keeps them: lower-cased, three letters or more.
    static func words(of text: String) -> Set<String> {
        Set(text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 3 })
    }

    static func index(_ noteID: UUID, text: String, on sql: any SQLDatabase) async throws {
        for word in words(of: text) {
            try await sql.insert(into: wordsTable).columns("note_id", "word").values(SQLBind(noteID), SQLBind(word)).run()
        }
    }

    /// Builds the word index anew from the notes: what a restore runs, since the file does not hold it.
    static func rebuildIndex(on sql: any SQLDatabase) async throws {
        struct Row: Decodable { let id: UUID; let text: String }
        try await sql.delete(from: wordsTable).run()
        for note in try await sql.select().columns("id", "text").from(schema).all(decoding: Row.self) {
            try await index(note.id, text: note.text, on: sql)
        }
    }
}

struct CreateExampleNotes: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema(ExampleNote.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("text", .string, .required)
            .create()
        try await database.schema(ExampleNote.wordsTable)
            .field("note_id", .uuid, .required, .references(ExampleNote.schema, .id, onDelete: .cascade))
            .field("word", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ExampleNote.wordsTable).delete()
        try await database.schema(ExampleNote.schema).delete()
    }
}
