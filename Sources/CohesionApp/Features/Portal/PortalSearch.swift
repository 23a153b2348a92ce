import CohesionCore
import Foundation
import SQLKit

/// One function for searching the portal, on each database's own index (`PortalIndex`).
///
/// Articles whose words match come first, in order of relevance (bm25 on SQLite, `ts_rank_cd` on
/// PostgreSQL); each query stem of three letters or more also matches longer words that begin with
/// it ("wohn" finds "Wohnraum"). Articles found only through three-letter pieces — a word inside a
/// compound, "Konzept" in "Integrationskonzept" — follow, newest first. Everything typed is reduced
/// to letters and digits before it reaches either database's query language, so search syntax is
/// just text.
struct PortalSearch: Sendable {
    static let pageSize = 20
    /// More terms than this in one query are ignored: nobody types them, and they only cost time.
    static let maxTerms = 12

    var text = ""
    var filters: [PortalTagKind: String] = [:]
    var page = 1
    /// Without an account only public articles are found.
    var publicOnly = true

    init(text: String = "", filters: [PortalTagKind: String] = [:], page: Int = 1, publicOnly: Bool = true) {
        self.text = text
        self.filters = filters
        self.page = page
        self.publicOnly = publicOnly
    }

    struct Hit: Sendable, Decodable {
        let id: UUID
        let title: String
        let summary: String
        let body: String
        let source: PortalSource
        let publishedAt: Date
    }

    struct Result: Sendable {
        let hits: [Hit]
        let total: Int
        let terms: SearchTerms
    }

    var terms: SearchTerms { SearchTerms(text, maxTerms: Self.maxTerms) }

    private struct Ranked: Decodable { let articleId: UUID }
    private struct RankedRow: Decodable { let articleId: UUID; let count: Int }
    private struct Count: Decodable { let count: Int }

    /// Two statements: the page's ids in order with the number of hits, on the index alone (filters
    /// and visibility are sets of ids, so no match is joined to its article), then the texts of the
    /// twenty shown. A window count over the articles' texts and a join per match cost 50 ms among
    /// 10,000 articles (`bench/run`).
    func run(on sql: any SQLDatabase) async throws -> Result {
        let terms = self.terms
        let offset = (max(page, 1) - 1) * Self.pageSize
        let ids: [UUID]
        let total: Int
        if terms.isEmpty {
            ids = try await sql.raw(
                """
                SELECT id AS article_id FROM portal_articles WHERE \(allowed("id"))
                ORDER BY published_at DESC, id LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)
                """
            ).all(decoding: Ranked.self, with: .snakeCaseColumns).map(\.articleId)
            total = try await sql.raw("SELECT COUNT(*) AS count FROM portal_articles WHERE \(allowed("id"))").first(decoding: Count.self)?.count ?? 0
        } else {
            let matches = PortalIndex.isSQLite(sql) ? sqliteMatches(terms) : postgresMatches(terms)
            // The window counts narrow rows (ids and ranks), never the articles' texts.
            let rows = try await sql.raw(
                """
                \(matches) SELECT article_id, COUNT(*) OVER () AS count FROM hits ORDER BY tier, score, recency DESC, article_id
                LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)
                """
            ).all(decoding: RankedRow.self, with: .snakeCaseColumns)
            ids = rows.map(\.articleId)
            total = try await rows.isEmpty && offset > 0 ? countOnly(matches, on: sql) : rows.first?.count ?? 0
        }
        guard !ids.isEmpty else { return Result(hits: [], total: total, terms: terms) }
        let texts = try await sql.raw(
            "SELECT id, title, summary, body, source, published_at FROM portal_articles WHERE id IN (\(binds: ids))"
        ).all(decoding: Hit.self, with: .snakeCaseColumns)
        let byID = Dictionary(texts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Result(hits: ids.compactMap { byID[$0] }, total: total, terms: terms)
    }

    /// The number of hits when the page asked for lies beyond them.
    private func countOnly(_ matches: SQLQueryString, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("\(matches) SELECT COUNT(*) AS count FROM hits").first(decoding: Count.self)?.count ?? 0
    }

    /// Visibility and the chosen filters as conditions on an article id column.
    private func allowed(_ column: String) -> SQLQueryString {
        var parts: [SQLQueryString] = ["1 = 1"]
        if publicOnly {
            parts.append("\(ident: column) NOT IN (SELECT article_id FROM portal_article_authors WHERE public_consent = \(false))")
        }
        for kind in PortalTagKind.allCases {
            guard let value = filters[kind], !value.isEmpty else { continue }
            parts.append(
                "\(ident: column) IN (SELECT article_id FROM portal_article_tags WHERE kind = \(bind: kind.rawValue) AND value = \(bind: value))")
        }
        return parts.joined(separator: " AND ")
    }

    /// `WITH … hits AS (…)`: rows (article_id, tier, score, recency), lower score first within a
    /// tier. The word matches are read once (materialised) for the ranking and to leave them out of
    /// the pieces. Recency is the index row's number: rows are written in the order articles are
    /// published (and rebuilt in that order).
    private func sqliteMatches(_ terms: SearchTerms) -> SQLQueryString {
        // Each term quoted: FTS5 reads a quoted string as a plain phrase, and the terms hold only letters and digits.
        let words = terms.stems.map { $0.count >= 3 ? "\"\($0)\"*" : "\"\($0)\"" }.joined(separator: " AND ")
        var query: SQLQueryString = """
            WITH words AS MATERIALIZED (
                SELECT article_id, bm25(portal_search_words, 0.0, 10.0, 1.0) AS score, rowid AS recency FROM portal_search_words
                WHERE portal_search_words MATCH \(bind: words) AND \(allowed("article_id"))),
            hits AS (SELECT article_id, 0 AS tier, score, recency FROM words
            """
        if !terms.pieces.isEmpty {
            let pieces = terms.pieces.map { "\"\($0)\"" }.joined(separator: " AND ")
            query += """
                 UNION ALL SELECT article_id, 1 AS tier, 0.0 AS score, rowid AS recency FROM portal_search_pieces
                WHERE portal_search_pieces MATCH \(bind: pieces) AND \(allowed("article_id")) AND article_id NOT IN (SELECT article_id FROM words)
                """
        }
        return query + ")"
    }

    /// The same on PostgreSQL; the weights {D, C, B, A} count the title (A) ten times the body (B), as bm25's weights on SQLite.
    private func postgresMatches(_ terms: SearchTerms) -> SQLQueryString {
        let words = terms.stems.map { $0.count >= 3 ? "\($0):*" : $0 }.joined(separator: " & ")
        var query: SQLQueryString = """
            WITH words AS MATERIALIZED (
                SELECT article_id, -ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', words, to_tsquery('simple', \(bind: words))) AS score, position AS recency
                FROM portal_search WHERE words @@ to_tsquery('simple', \(bind: words)) AND \(allowed("article_id"))),
            hits AS (SELECT article_id, 0 AS tier, score, recency FROM words
            """
        if !terms.pieces.isEmpty {
            let likes = terms.pieces.map { piece -> SQLQueryString in "pieces LIKE \(bind: "%" + piece + "%")" }.joined(separator: " AND ")
            query += """
                 UNION ALL SELECT article_id, 1 AS tier, 0.0 AS score, position AS recency FROM portal_search
                WHERE \(likes) AND \(allowed("article_id")) AND article_id NOT IN (SELECT article_id FROM words)
                """
        }
        return query + ")"
    }
}

/// A query as both indexes read it: stems for the words, folded words of three letters or more
/// for the pieces. Duplicates go, and at most `maxTerms` of each are kept.
struct SearchTerms: Sendable, Equatable {
    let stems: [String]
    let pieces: [String]

    init(_ text: String, maxTerms: Int) {
        var seenStems = Set<String>()
        stems = Array(GermanText.stems(text).filter { seenStems.insert($0).inserted }.prefix(maxTerms))
        var seenPieces = Set<String>()
        pieces = Array(GermanText.words(text).map(GermanText.fold).filter { $0.count >= 3 && seenPieces.insert($0).inserted }.prefix(maxTerms))
    }

    var isEmpty: Bool { stems.isEmpty }
}
