import CohesionCore
import Foundation
import SQLKit

/// The portal's search index, each database's own, kept by the transaction that publishes an
/// article. What goes in is prepared in Swift (`GermanText.stems`) exactly as a query is, so both
/// databases compare the same forms.
///
/// Two parts on each database:
/// - **the words**: every article's stems, title and body apart, under the database's inverted
///   index, ranked with the title weighted 10 : 1.
///   - SQLite: the FTS5 table `portal_search_words` (bm25). Its rowid is the article's entry in
///     `portal_search`, so ranking, filtering and counting read integers and never the article ids.
///   - PostgreSQL: `portal_search.words`, a `tsvector` built with the `simple` configuration (the
///     stemming is already done) under a GIN index (`ts_rank_cd`).
/// - **the vocabulary**: each distinct stem once, under a trigram index (an FTS5 `trigram` table on
///   SQLite, `gin_trgm_ops` from `pg_trgm` on PostgreSQL). A query stem is looked up inside it
///   ("konzept" inside "integrationskonzept"), and the stems found are then matched in the word
///   index. So finding parts of compounds costs in proportion to the stems that contain the part,
///   not to the length of all texts.
///
/// Entries are numbered in the order articles are published (and rebuilt in that order): the number is
/// the search's recency. Backup and export leave all of it out; a restore rebuilds it
/// (`PortalFeature.dumpTreatment`). Stems of withdrawn articles stay in the vocabulary until the next
/// rebuild; they match nothing.
enum PortalIndex {
    static let table = "portal_search"
    static let vocabularyTable = "portal_search_vocabulary"
    /// Only stems this long can hold a query stem (three letters or more) inside them.
    static let shortestInnerStem = 4

    static func isSQLite(_ sql: any SQLDatabase) -> Bool { sql.dialect.name == "sqlite" }

    static func create(on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw("CREATE TABLE portal_search (entry INTEGER PRIMARY KEY, article_id UUID NOT NULL UNIQUE)").run()
            try await sql.raw("CREATE VIRTUAL TABLE portal_search_words USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')").run()
            try await sql.raw("CREATE TABLE portal_search_vocabulary (id INTEGER PRIMARY KEY, stem TEXT NOT NULL UNIQUE)").run()
            try await sql.raw(
                "CREATE VIRTUAL TABLE portal_search_stems USING fts5(stem, content = 'portal_search_vocabulary', content_rowid = 'id', tokenize = 'trigram')"
            ).run()
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS pg_trgm").run()
            try await sql.raw(
                """
                CREATE TABLE portal_search (
                    article_id uuid PRIMARY KEY REFERENCES portal_articles (id) ON DELETE CASCADE,
                    words tsvector NOT NULL,
                    entry bigserial NOT NULL UNIQUE)
                """
            ).run()
            try await sql.raw("CREATE INDEX portal_search_words ON portal_search USING GIN (words)").run()
            try await sql.raw("CREATE TABLE portal_search_vocabulary (stem text PRIMARY KEY)").run()
            try await sql.raw("CREATE INDEX portal_search_stems ON portal_search_vocabulary USING GIN (stem gin_trgm_ops)").run()
        }
    }

    static func drop(on sql: any SQLDatabase) async throws {
        let tables =
            isSQLite(sql)
            ? ["portal_search_stems", "portal_search_vocabulary", "portal_search_words", "portal_search"] : ["portal_search_vocabulary", "portal_search"]
        for table in tables { try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run() }
    }

    private struct Entry: Decodable { let entry: Int }
    private struct NewStem: Decodable { let id: Int; let stem: String }

    /// Puts a newly published article into the index; call it inside the transaction that saves the
    /// article. (A published article's text does not change; it is withdrawn as a whole.)
    static func write(articleID: UUID, title: String, summary: String, body: String, on sql: any SQLDatabase) async throws {
        let titleStems = GermanText.stems(title)
        let bodyStems = GermanText.stems(summary + "\n" + body)
        if isSQLite(sql) {
            let entry = try await sql.raw("INSERT INTO portal_search (article_id) VALUES (\(bind: articleID)) RETURNING entry").first(decoding: Entry.self)
            try await sql.raw(
                """
                INSERT INTO portal_search_words (rowid, title, body)
                VALUES (\(bind: entry?.entry), \(bind: titleStems.joined(separator: " ")), \(bind: bodyStems.joined(separator: " ")))
                """
            ).run()
        } else {
            try await sql.raw(
                """
                INSERT INTO portal_search (article_id, words) VALUES (\(bind: articleID),
                    setweight(to_tsvector('simple', \(bind: titleStems.joined(separator: " "))), 'A')
                    || setweight(to_tsvector('simple', \(bind: bodyStems.joined(separator: " "))), 'B'))
                """
            ).run()
        }
        try await addToVocabulary(Set(titleStems + bodyStems), on: sql)
    }

    /// Adds the stems the vocabulary does not have yet. Sorted, so that two articles published at
    /// once take the rows' locks in the same order and never wait for each other in a circle.
    private static func addToVocabulary(_ stems: Set<String>, on sql: any SQLDatabase) async throws {
        let candidates = stems.filter { $0.count >= shortestInnerStem }.sorted()
        for chunk in stride(from: 0, to: candidates.count, by: 500).map({ candidates[$0..<min($0 + 500, candidates.count)] }) {
            let values = chunk.map { stem -> SQLQueryString in "(\(bind: stem))" }.joined(separator: ", ")
            if isSQLite(sql) {
                // The trigram table keeps only the index; its text is the vocabulary's row (external content).
                let added = try await sql.raw("INSERT INTO portal_search_vocabulary (stem) VALUES \(values) ON CONFLICT DO NOTHING RETURNING id, stem")
                    .all(decoding: NewStem.self)
                guard !added.isEmpty else { continue }
                let rows = added.map { stem -> SQLQueryString in "(\(bind: stem.id), \(bind: stem.stem))" }.joined(separator: ", ")
                try await sql.raw("INSERT INTO portal_search_stems (rowid, stem) VALUES \(rows)").run()
            } else {
                try await sql.raw("INSERT INTO portal_search_vocabulary (stem) VALUES \(values) ON CONFLICT DO NOTHING").run()
            }
        }
    }

    /// Takes an article out of the index (PostgreSQL also does this by cascade when the article goes).
    static func remove(articleID: UUID, on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            try await sql.raw(
                "DELETE FROM portal_search_words WHERE rowid IN (SELECT entry FROM portal_search WHERE article_id = \(bind: articleID))"
            ).run()
        }
        try await sql.raw("DELETE FROM portal_search WHERE article_id = \(bind: articleID)").run()
    }

    private struct Source: Decodable { let id: UUID; let title: String; let summary: String; let body: String }

    /// Empties the index and fills it again from the articles (after a restore or a change of its form).
    static func rebuild(on sql: any SQLDatabase) async throws {
        if isSQLite(sql) {
            // 'delete-all' is how an FTS5 table with external content is emptied.
            try await sql.raw("INSERT INTO portal_search_stems (portal_search_stems) VALUES ('delete-all')").run()
            try await sql.raw("DELETE FROM portal_search_words").run()
        }
        try await sql.raw("DELETE FROM portal_search_vocabulary").run()
        try await sql.raw("DELETE FROM portal_search").run()
        // In the order of publication, which is the order of the entries the search reads as recency.
        let articles = try await sql.raw("SELECT id, title, summary, body FROM portal_articles ORDER BY published_at, id").all(decoding: Source.self)
        for article in articles {
            try await write(articleID: article.id, title: article.title, summary: article.summary, body: article.body, on: sql)
        }
    }
}
