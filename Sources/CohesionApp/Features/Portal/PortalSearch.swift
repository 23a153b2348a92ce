import CohesionCore
import Foundation
import SQLKit

/// One function for searching the portal, on each database's own index (`PortalIndex`).
///
/// Articles whose words match come first, in order of relevance (bm25 on SQLite, `ts_rank_cd` on
/// PostgreSQL); each query stem of three letters or more also matches longer words that begin with
/// it ("wohn" finds "Wohnraum"). Articles found only because a stem stands inside a longer one — a
/// word inside a compound, "Konzept" in "Integrationskonzept" — follow, newest first. Everything
/// typed is reduced to letters and digits before it reaches either database's query language, so
/// search syntax is just text.
struct PortalSearch: Sendable {
    static let pageSize = 20
    /// More terms than this in one query are ignored: nobody types them, and they only cost time.
    static let maxTerms = 12
    /// At most this many longer stems are looked for per query stem. A stem inside more words than
    /// this (three letters such as "amt") finds its compounds only up to this number of them.
    static let maxInnerStems = 400

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
    private struct InnerStem: Decodable { let term: String; let stem: String }

    /// At most four statements: the longer stems holding the query's stems (from the vocabulary),
    /// the page's ids in order and the number of hits (in one statement on PostgreSQL, two on
    /// SQLite; on the index alone: filters and visibility are sets, and no match is joined to its
    /// article), then the texts of the twenty shown.
    func run(on sql: any SQLDatabase) async throws -> Result {
        let terms = self.terms
        let offset = (max(page, 1) - 1) * Self.pageSize
        let ids: [UUID]
        let total: Int
        if terms.isEmpty {
            ids = try await sql.raw(
                """
                SELECT id AS article_id FROM portal_articles WHERE \(allowed(articleID: "id"))
                ORDER BY published_at DESC, id LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)
                """
            ).all(decoding: Ranked.self, with: .snakeCaseColumns).map(\.articleId)
            total = try await sql.raw("SELECT COUNT(*) AS count FROM portal_articles WHERE \(allowed(articleID: "id"))").first(decoding: Count.self)?.count ?? 0
        } else {
            let query = MatchQuery(terms: terms, inner: try await innerStems(of: terms, on: sql))
            if PortalIndex.isSQLite(sql) {
                // On SQLite a window over every hit costs more than a second statement: the page is
                // sorted with its limit alone, and the count reads the index without ranking it.
                let page: SQLQueryString = """
                    \(sqliteHits(query, ranked: true)) SELECT s.article_id FROM (SELECT entry, tier, score FROM hits
                        ORDER BY tier, score, entry DESC LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)) AS page
                    JOIN portal_search s ON s.entry = page.entry ORDER BY page.tier, page.score, page.entry DESC
                    """
                ids = try await sql.raw(page).all(decoding: Ranked.self, with: .snakeCaseColumns).map(\.articleId)
                total = try await countOnly(sqliteHits(query, ranked: false), on: sql)
            } else {
                // The window counts narrow rows (entries and ranks), never the articles' texts.
                let hits = postgresHits(query)
                let page: SQLQueryString = """
                    \(hits), page AS (SELECT entry, tier, score, COUNT(*) OVER () AS count FROM hits
                        ORDER BY tier, score, entry DESC LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset))
                    SELECT s.article_id, page.count FROM page JOIN portal_search s ON s.entry = page.entry ORDER BY page.tier, page.score, page.entry DESC
                    """
                let rows = try await sql.raw(page).all(decoding: RankedRow.self, with: .snakeCaseColumns)
                ids = rows.map(\.articleId)
                total = try await rows.isEmpty && offset > 0 ? countOnly(hits, on: sql) : rows.first?.count ?? 0
            }
        }
        guard !ids.isEmpty else { return Result(hits: [], total: total, terms: terms) }
        let texts = try await sql.raw(
            "SELECT id, title, summary, body, source, published_at FROM portal_articles WHERE id IN (\(binds: ids))"
        ).all(decoding: Hit.self, with: .snakeCaseColumns)
        let byID = Dictionary(texts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return Result(hits: ids.compactMap { byID[$0] }, total: total, terms: terms)
    }

    /// The number of hits when the page asked for lies beyond them.
    private func countOnly(_ hits: SQLQueryString, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("\(hits) SELECT COUNT(*) AS count FROM hits").first(decoding: Count.self)?.count ?? 0
    }

    /// For each query stem of three letters or more, the longer stems of the vocabulary that hold it
    /// but do not begin with it (those the word index finds by prefix already).
    private func innerStems(of terms: SearchTerms, on sql: any SQLDatabase) async throws -> [String: [String]] {
        guard !terms.inner.isEmpty else { return [:] }
        let source: SQLQueryString = PortalIndex.isSQLite(sql) ? "portal_search_stems" : "portal_search_vocabulary"
        let lookups = terms.inner.map { term -> SQLQueryString in
            """
            SELECT \(bind: term) AS term, stem FROM (SELECT stem FROM \(source)
                WHERE stem LIKE \(bind: "%" + term + "%") AND stem NOT LIKE \(bind: term + "%") LIMIT \(literal: Self.maxInnerStems)) AS found
            """
        }
        let rows = try await sql.raw(lookups.joined(separator: " UNION ALL ")).all(decoding: InnerStem.self)
        return Dictionary(grouping: rows, by: \.term).mapValues { $0.map(\.stem) }
    }

    /// Visibility and the chosen filters as conditions on an article id column.
    private func allowed(articleID column: String) -> SQLQueryString {
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

    /// The same conditions on SQLite's index entries: each set is turned into entries once. The
    /// `+` keeps the set away from FTS5, which would otherwise run the whole match once per entry in it.
    private var allowedEntries: SQLQueryString {
        let articles = allowed(articleID: "article_id")
        return "+rowid IN (SELECT entry FROM portal_search WHERE \(articles))"
    }

    /// `WITH hits AS (…)`: rows (entry, tier, score), lower score first within a tier. The word
    /// matches are read once (materialised) for the ranking and to leave them out of the inner ones.
    private func sqliteHits(_ query: MatchQuery, ranked: Bool) -> SQLQueryString {
        let words = query.words(in: .fts5)
        let restricted = filters.values.contains { !$0.isEmpty } || publicOnly
        let condition: SQLQueryString = restricted ? " AND \(allowedEntries)" : ""
        // Read twice (ranked, and left out of the inner matches) only when there are inner matches.
        let materialized: SQLQueryString = query.hasInner ? "MATERIALIZED " : ""
        let score: SQLQueryString = ranked ? "bm25(portal_search_words, 10.0, 1.0)" : "0.0"
        var sql: SQLQueryString = """
            WITH words AS \(materialized)(
                SELECT rowid AS entry, \(score) AS score FROM portal_search_words
                WHERE portal_search_words MATCH \(bind: words)\(condition)),
            hits AS (SELECT entry, 0 AS tier, score FROM words
            """
        if query.hasInner {
            let either = query.wordsOrInner(in: .fts5)
            sql += """
                 UNION ALL SELECT rowid AS entry, 1 AS tier, 0.0 AS score FROM portal_search_words
                WHERE portal_search_words MATCH \(bind: either)\(condition) AND rowid NOT IN (SELECT entry FROM words)
                """
        }
        return sql + ")"
    }

    /// The same on PostgreSQL. The weights {D, C, B, A} count the title (A) ten times the body (B),
    /// as bm25's weights on SQLite.
    private func postgresHits(_ query: MatchQuery) -> SQLQueryString {
        let words = query.words(in: .tsquery)
        var sql: SQLQueryString = """
            WITH words AS MATERIALIZED (
                SELECT entry, -ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', words, to_tsquery('simple', \(bind: words))) AS score
                FROM portal_search WHERE words @@ to_tsquery('simple', \(bind: words)) AND \(allowed(articleID: "article_id"))),
            hits AS (SELECT entry, 0 AS tier, score FROM words
            """
        if query.hasInner {
            let either = query.wordsOrInner(in: .tsquery)
            sql += """
                 UNION ALL SELECT entry, 1 AS tier, 0.0 AS score FROM portal_search
                WHERE words @@ to_tsquery('simple', \(bind: either)) AND \(allowed(articleID: "article_id")) AND entry NOT IN (SELECT entry FROM words)
                """
        }
        return sql + ")"
    }
}

/// A query with, per stem, the longer stems that hold it.
private struct MatchQuery {
    let terms: SearchTerms
    let inner: [String: [String]]
    var hasInner: Bool { inner.values.contains { !$0.isEmpty } }

    /// Every stem, as a word or the start of one.
    func words(in syntax: MatchSyntax) -> String {
        terms.stems.map { syntax.atom($0, prefix: true) }.joined(separator: syntax.and)
    }

    /// Every stem, each as the start of a word or as one of the longer stems that hold it.
    func wordsOrInner(in syntax: MatchSyntax) -> String {
        terms.stems.map { stem in
            let atoms = [syntax.atom(stem, prefix: true)] + (inner[stem] ?? []).map { syntax.atom($0, prefix: false) }
            return "(" + atoms.joined(separator: syntax.or) + ")"
        }.joined(separator: syntax.and)
    }
}

/// How each database's full-text index spells a query.
private enum MatchSyntax {
    /// FTS5: each stem quoted, which FTS5 reads as a plain phrase (stems hold only letters and digits).
    case fts5
    /// PostgreSQL's `to_tsquery('simple', …)`.
    case tsquery

    var and: String { self == .fts5 ? " AND " : " & " }
    var or: String { self == .fts5 ? " OR " : " | " }

    /// A stem of three letters or more also matches as the start of a longer word.
    func atom(_ stem: String, prefix: Bool) -> String {
        let asPrefix = prefix && stem.count >= 3
        switch self {
        case .fts5: return asPrefix ? "\"\(stem)\"*" : "\"\(stem)\""
        case .tsquery: return asPrefix ? "\(stem):*" : stem
        }
    }
}

/// A query as the index reads it: its stems, without duplicates and at most `maxTerms`; those of
/// three letters or more (`inner`) are also looked for inside longer words.
struct SearchTerms: Sendable, Equatable {
    let stems: [String]

    init(_ text: String, maxTerms: Int) {
        var seen = Set<String>()
        stems = Array(GermanText.stems(text).filter { seen.insert($0).inserted }.prefix(maxTerms))
    }

    var inner: [String] { stems.filter { $0.count >= 3 } }
    var isEmpty: Bool { stems.isEmpty }
}
