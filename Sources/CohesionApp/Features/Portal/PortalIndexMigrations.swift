import Fluent
import SQLKit

/// The index as `CreatePortal` first made it: the articles' stems in a word index and their whole
/// folded text in a trigram index for parts of compounds. Kept as it was, because migrations that
/// ran once must do the same on every new database.
enum PortalIndexFirstForm {
    static func create(on sql: any SQLDatabase) async throws {
        if PortalIndex.isSQLite(sql) {
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
                    position bigserial NOT NULL)
                """
            ).run()
            try await sql.raw("CREATE INDEX portal_search_words ON portal_search USING GIN (words)").run()
            try await sql.raw("CREATE INDEX portal_search_pieces ON portal_search USING GIN (pieces gin_trgm_ops)").run()
        }
    }

    static func drop(on sql: any SQLDatabase) async throws {
        let tables = PortalIndex.isSQLite(sql) ? ["portal_search_words", "portal_search_pieces"] : ["portal_search"]
        for table in tables { try await sql.raw("DROP TABLE IF EXISTS \(ident: table)").run() }
    }
}

/// The index in its present form (`PortalIndex`): compounds are found through a vocabulary of
/// stems instead of the whole texts, and SQLite's word index is keyed by integers. The index is
/// derived, so it is dropped, made anew and filled from the articles.
struct UpdatePortalSearchAddVocabulary: AsyncMigration {
    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await PortalIndexFirstForm.drop(on: sql)
        try await PortalIndex.create(on: sql)
        try await PortalIndex.rebuild(on: sql)
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await PortalIndex.drop(on: sql)
        try await PortalIndexFirstForm.create(on: sql)
    }
}
