import CohesionCore
import Foundation
import SQLKit

/// The portal's search index, each database's own, kept by the transaction that saves an article.
/// What goes in is prepared in Swift (`GermanText`) exactly as a query is, so both databases
/// compare the same forms: stems for the word index, folded text for the index of three-letter
/// pieces that finds parts of compound words.
///
/// - SQLite: two FTS5 tables, `portal_search_words` (the stems, title and body as columns, ranked by
///   bm25 with the title weighted 10:1) and `portal_search_pieces` (trigram tokenizer).
/// - PostgreSQL: `portal_search` with a `tsvector` column (title weight A, body B, built with the
///   `simple` configuration because the stemming is already done) under a GIN index, and the folded
///   text under a `gin_trgm_ops` index from `pg_trgm`.
///
/// Backup and export leave it out; a restore rebuilds it (`PortalFeature.dumpTreatment`).
enum PortalIndex {
    static let table = "portal_search"

    static func isSQLite(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "sqlite" }

    static func create(on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw(
                "CREATE VIRTUAL TABLE portal_search_words USING fts5(article_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
            ).run()
            try await sql.raw(
                "CREATE VIRTUAL TABLE portal_search_pieces USING fts5(article_id UNINDEXED, text, tokenize = 'trigram remove_diacritics 1')"
            ).run()
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw(
                """
                CREATE TABLE portal_search (
                    article_id uuid PRIMARY KEY REFERENCES portal_articles (id) ON DELETE CASCADE,
                    words tsvector NOT NULL,
                    pieces text NOT NULL,
                    -- The order articles were indexed in: the newest first among equal matches.
                    position bigserial NOT NULL)
                """
            ).run()
            try await sql.raw("CREATE INDEX portal_search_words ON portal_search USING GIN (words)").run()
            try await sql.raw("CREATE INDEX portal_search_pieces ON portal_search USING GIN (pieces gin_trgm_ops)").run()
        }
    }

    static func drop(on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw("DROP TABLE IF EXISTS portal_search_words").run()
            try await sql.raw("DROP TABLE IF EXISTS portal_search_pieces").run()
        } else {
            try await sql.raw("DROP TABLE IF EXISTS portal_search").run()
        }
    }

    /// Puts an article's text into the index, replacing what was there unless the article is new
    /// (on SQLite finding the old entry reads the whole index); call it inside the transaction that
    /// saves the article.
    static func write(articleID: UUID, title: String, summary: String, body: String, isNew: Bool, on sql: any SQLDatabase) async throws {
        let titleStems = GermanText.stems(title).joined(separator: " ")
        let bodyStems = GermanText.stems(summary + "\n" + body).joined(separator: " ")
        let pieces = GermanText.folded(title + "\n" + summary + "\n" + body)
        if !isNew { try await remove(articleID: articleID, on: sql) }
        if isSQLite(sql) {
            try await sql.raw(
                "INSERT INTO portal_search_words (article_id, title, body) VALUES (\(bind: articleID), \(bind: titleStems), \(bind: bodyStems))"
            ).run()
            try await sql.raw("INSERT INTO portal_search_pieces (article_id, text) VALUES (\(bind: articleID), \(bind: pieces))").run()
        } else {
            try await sql.raw(
                """
                INSERT INTO portal_search (article_id, words, pieces) VALUES (\(bind: articleID),
                    setweight(to_tsvector('simple', \(bind: titleStems)), 'A') || setweight(to_tsvector('simple', \(bind: bodyStems)), 'B'),
                    \(bind: pieces))
                """
            ).run()
        }
    }

    /// Takes an article out of the index (PostgreSQL also does this by cascade when the article goes).
    static func remove(articleID: UUID, on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw("DELETE FROM portal_search_words WHERE article_id = \(bind: articleID)").run()
            try await sql.raw("DELETE FROM portal_search_pieces WHERE article_id = \(bind: articleID)").run()
        } else {
            try await sql.raw("DELETE FROM portal_search WHERE article_id = \(bind: articleID)").run()
        }
    }

    private struct Source: Decodable { let id: UUID; let title: String; let summary: String; let body: String }

    /// Empties the index and fills it again from the articles (after a restore).
    static func rebuild(on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw("DELETE FROM portal_search_words").run()
            try await sql.raw("DELETE FROM portal_search_pieces").run()
        } else {
            try await sql.raw("DELETE FROM portal_search").run()
        }
        // In the order of publication, which is the order of the index rows the search reads as recency.
        let articles = try await sql.raw("SELECT id, title, summary, body FROM portal_articles ORDER BY published_at, id").all(decoding: Source.self)
        for article in articles {
            try await write(articleID: article.id, title: article.title, summary: article.summary, body: article.body, isNew: true, on: sql)
        }
    }
}
