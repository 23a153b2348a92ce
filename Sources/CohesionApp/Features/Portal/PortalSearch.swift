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
        let total: Int
    }

    struct Result: Sendable {
        let hits: [Hit]
        let total: Int
        let terms: SearchTerms
    }

    var terms: SearchTerms { SearchTerms(text, maxTerms: Self.maxTerms) }

    func run(on sql: any SQLDatabase) async throws -> Result {
        let terms = self.terms
        let offset = (max(page, 1) - 1) * Self.pageSize
        let hits: [Hit]
        if terms.isEmpty {
            hits = try await sql.raw(
                """
                SELECT a.id, a.title, a.summary, a.body, a.source, a.published_at, COUNT(*) OVER () AS total
                FROM portal_articles a WHERE \(conditions) ORDER BY a.published_at DESC, a.id LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)
                """
            ).all(decoding: Hit.self, with: .snakeCaseColumns)
        } else {
            let matches = PortalIndex.isSQLite(sql) ? sqliteMatches(terms) : postgresMatches(terms)
            hits = try await sql.raw(
                """
                WITH hits AS (\(matches))
                SELECT a.id, a.title, a.summary, a.body, a.source, a.published_at, COUNT(*) OVER () AS total
                FROM hits h JOIN portal_articles a ON a.id = h.article_id
                WHERE \(conditions) ORDER BY h.tier, h.score, a.published_at DESC, a.id LIMIT \(literal: Self.pageSize) OFFSET \(literal: offset)
                """
            ).all(decoding: Hit.self, with: .snakeCaseColumns)
        }
        return Result(hits: hits, total: hits.first?.total ?? 0, terms: terms)
    }

    /// Visibility and the chosen filters, on `portal_articles a`.
    private var conditions: SQLQueryString {
        var parts: [SQLQueryString] = ["1 = 1"]
        if publicOnly {
            parts.append("NOT EXISTS (SELECT 1 FROM portal_article_authors x WHERE x.article_id = a.id AND x.public_consent = \(false))")
        }
        for kind in PortalTagKind.allCases {
            guard let value = filters[kind], !value.isEmpty else { continue }
            parts.append(
                "EXISTS (SELECT 1 FROM portal_article_tags t WHERE t.article_id = a.id AND t.kind = \(bind: kind.rawValue) AND t.value = \(bind: value))")
        }
        return parts.joined(separator: " AND ")
    }

    /// Rows (article_id, tier, score), lower score first within a tier.
    private func sqliteMatches(_ terms: SearchTerms) -> SQLQueryString {
        // Each term quoted: FTS5 reads a quoted string as a plain phrase, and the terms hold only letters and digits.
        let words = terms.stems.map { $0.count >= 3 ? "\"\($0)\"*" : "\"\($0)\"" }.joined(separator: " AND ")
        var query: SQLQueryString =
            "SELECT article_id, 0 AS tier, bm25(portal_search_words, 0.0, 10.0, 1.0) AS score FROM portal_search_words WHERE portal_search_words MATCH \(bind: words)"
        if !terms.pieces.isEmpty {
            let pieces = terms.pieces.map { "\"\($0)\"" }.joined(separator: " AND ")
            query +=
                " UNION ALL SELECT article_id, 1 AS tier, 0.0 AS score FROM portal_search_pieces WHERE portal_search_pieces MATCH \(bind: pieces)"
                + " AND article_id NOT IN (SELECT article_id FROM portal_search_words WHERE portal_search_words MATCH \(bind: words))"
        }
        return query
    }

    /// The weights {D, C, B, A}: the title (A) counts ten times the body (B), as bm25's weights on SQLite.
    private func postgresMatches(_ terms: SearchTerms) -> SQLQueryString {
        let words = terms.stems.map { $0.count >= 3 ? "\($0):*" : $0 }.joined(separator: " & ")
        var query: SQLQueryString =
            "SELECT article_id, 0 AS tier, -ts_rank_cd('{0.1, 0.1, 0.1, 1.0}', words, to_tsquery('simple', \(bind: words))) AS score FROM portal_search WHERE words @@ to_tsquery('simple', \(bind: words))"
        if !terms.pieces.isEmpty {
            let likes = terms.pieces.map { piece -> SQLQueryString in "pieces LIKE \(bind: "%" + piece + "%")" }.joined(separator: " AND ")
            query +=
                " UNION ALL SELECT article_id, 1 AS tier, 0.0 AS score FROM portal_search WHERE \(likes) AND NOT (words @@ to_tsquery('simple', \(bind: words)))"
        }
        return query
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
