import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// A region as lists show it.
struct RegionSummary: Codable, Sendable {
    let key: String
    let name: String
    let kind: String
    let level: String
    let population: Int?
    let kreisName: String?
    let landName: String?

    /// The name with Kreis and Land, which tells apart municipalities of the same name.
    var label: String { RegionName.label(name: name, kreis: level == RegionLevel.gemeinde.rawValue ? kreisName : nil, land: landName) }
}

/// `/kommunen/{key}` and `GET /api/v1/regions/{key}`: a region's figures, each with source and date.
struct RegionPage: Codable, Sendable {
    struct Figure: Codable, Sendable {
        let indicator: String
        let label: String
        let value: Double
        let formatted: String
        let reference: String
    }

    struct Source: Codable, Sendable {
        let source: String
        let attribution: String
        let figures: [Figure]
    }

    let key: String
    let ars: String
    let level: String
    let name: String
    let kind: String
    let population: Int?
    let areaKm2: Double?
    let postcode: String?
    let urbanisation: String?
    let territoryDate: String
    let populationDate: String
    let land: RegionSummary?
    let kreis: RegionSummary?
    let sources: [Source]
    /// The Gemeinden of a Kreis, the Kreise of a Land.
    let members: [RegionSummary]

    static let registerSource = "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys"
    static let registerAttribution = "© Statistisches Bundesamt (Destatis) (dl-de/by-2-0)"

    private struct Row: Decodable {
        let key: String; let ars: String; let level: String; let name: String; let kind: String
        let landKey: String; let kreisKey: String?; let population: Int?; let areaKm2: Double?
        let postcode: String?; let urbanisation: String?; let territoryDate: String; let populationDate: String
    }

    struct SummaryRow: Decodable {
        let key: String; let name: String; let kind: String; let level: String; let population: Int?; let kreisName: String?
        let kreisKind: String?
        let landName: String?
        var summary: RegionSummary {
            .init(
                key: key, name: RegionName.readable(name), kind: kind, level: level, population: population,
                kreisName: kreisName.map { RegionName.kreis(name: $0, kind: kreisKind) }, landName: landName)
        }
    }

    private struct FigureRow: Decodable {
        let indicator: String; let value: Double; let reference: String; let source: String; let attribution: String

        var sortableReference: String { StatisticFigure.sortableReference(reference) }
    }

    static let summaryColumns = "r.key, r.name, r.kind, r.level, r.population, k.name AS kreis_name, k.kind AS kreis_kind, l.name AS land_name"
    /// The joins `summaryColumns` needs: the Kreis and the Land of `r`.
    static var summaryJoins: SQLQueryString {
        """
        LEFT JOIN regions k ON k.key = r.kreis_key AND k.level = \(bind: RegionLevel.kreis) \
        LEFT JOIN regions l ON l.key = r.land_key AND l.level = \(bind: RegionLevel.land)
        """
    }

    static func query(key: String, on db: any SQLDatabase) async throws -> RegionPage? {
        guard
            let row = try await db.raw(
                """
                SELECT key, ars, level, name, kind, land_key, kreis_key, population, area_km2, postcode, urbanisation,
                       territory_date, population_date FROM regions WHERE key = \(bind: key)
                """
            ).first(decoding: Row.self, with: .snakeCaseColumns)
        else { return nil }
        let parentKeys = [row.landKey, row.kreisKey].compactMap { $0 }.filter { $0 != key }
        async let parents = db.raw(
            """
            SELECT \(unsafeRaw: summaryColumns) FROM regions r \(RegionPage.summaryJoins)
            WHERE r.key IN (\(binds: parentKeys.isEmpty ? ["-"] : parentKeys))
            """
        ).all(decoding: SummaryRow.self, with: .snakeCaseColumns)
        async let figures = db.raw(
            """
            SELECT indicator, value, reference, source, attribution FROM region_figures WHERE region_key = \(bind: key)
            ORDER BY source, reference DESC, indicator
            """
        ).all(decoding: FigureRow.self)
        async let members = memberRows(of: row.level, key: key, on: db)
        let parentRows = try await parents
        return RegionPage(
            key: row.key, ars: row.ars, level: row.level, name: row.name, kind: row.kind, population: row.population,
            areaKm2: row.areaKm2, postcode: row.postcode, urbanisation: row.urbanisation, territoryDate: row.territoryDate,
            populationDate: row.populationDate,
            land: parentRows.first { $0.level == RegionLevel.land.rawValue }?.summary,
            kreis: parentRows.first { $0.level == RegionLevel.kreis.rawValue }?.summary,
            sources: grouped(try await figures), members: try await members.map(\.summary))
    }

    private static func memberRows(of level: String, key: String, on db: any SQLDatabase) async throws -> [SummaryRow] {
        switch RegionLevel(rawValue: level) {
        case .kreis:
            return try await db.raw(
                """
                SELECT \(unsafeRaw: summaryColumns) FROM regions r \(RegionPage.summaryJoins)
                WHERE r.kreis_key = \(bind: key) AND r.level = \(bind: RegionLevel.gemeinde) ORDER BY r.search_name
                """
            ).all(decoding: SummaryRow.self, with: .snakeCaseColumns)
        case .land:
            return try await db.raw(
                """
                SELECT \(unsafeRaw: summaryColumns) FROM regions r \(RegionPage.summaryJoins)
                WHERE r.land_key = \(bind: key) AND r.level = \(bind: RegionLevel.kreis) ORDER BY r.search_name
                """
            ).all(decoding: SummaryRow.self, with: .snakeCaseColumns)
        default:
            return []
        }
    }

    private static func grouped(_ rows: [FigureRow]) -> [Source] {
        var order: [String] = []
        var bySource: [String: [FigureRow]] = [:]
        for row in rows {
            if bySource[row.source] == nil { order.append(row.source) }
            bySource[row.source, default: []].append(row)
        }
        return order.map { source in
            // Newest reference first, then the defined order of indicators within it.
            let rows = (bySource[source] ?? []).sorted {
                ($0.sortableReference, Indicator.rank($1.indicator)) > ($1.sortableReference, Indicator.rank($0.indicator))
            }
            return Source(
                source: source, attribution: rows.first?.attribution ?? "",
                figures: rows.map {
                    Figure(
                        indicator: $0.indicator, label: Indicator.label($0.indicator), value: $0.value,
                        formatted: Indicator.format($0.value, indicator: $0.indicator), reference: $0.reference)
                })
        }
    }
}

/// `/kommunen?suche=…`: regions by name or key.
struct RegionSearch: Codable, Sendable {
    static let limit = 50
    /// Longer than any name with its Kreis and Land; the rest of a longer query is not searched for.
    static let maxQueryLength = LikePattern.maxQueryLength

    let query: String
    let results: [RegionSummary]
    /// More matched than are shown: the search should be narrowed.
    let hasMore: Bool

    static func query(_ text: String, on db: any SQLDatabase) async throws -> RegionSearch {
        let query = String(text.trimmingCharacters(in: .whitespaces).prefix(maxQueryLength))
        guard !query.isEmpty else { return RegionSearch(query: "", results: [], hasMore: false) }
        let rows: [RegionPage.SummaryRow]
        if query.allSatisfy({ $0.isASCII && $0.isNumber }) {
            rows = try await db.raw(
                """
                SELECT \(unsafeRaw: RegionPage.summaryColumns) FROM regions r \(RegionPage.summaryJoins)
                WHERE r.key LIKE \(bind: escapeLike(query) + "%") ESCAPE '\\' ORDER BY r.key LIMIT \(literal: limit + 1)
                """
            ).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
        } else {
            // Names are matched in lower case as stored at import: SQLite's LOWER() knows no umlauts.
            let needle = query.lowercased()
            rows = try await db.raw(
                """
                SELECT \(unsafeRaw: RegionPage.summaryColumns) FROM regions r \(RegionPage.summaryJoins)
                WHERE r.search_name LIKE \(bind: "%" + escapeLike(needle) + "%") ESCAPE '\\'
                ORDER BY CASE WHEN r.search_name LIKE \(bind: escapeLike(needle) + "%") ESCAPE '\\' THEN 0 ELSE 1 END,
                         COALESCE(r.population, -1) DESC, r.search_name
                LIMIT \(literal: limit + 1)
                """
            ).all(decoding: RegionPage.SummaryRow.self, with: .snakeCaseColumns)
        }
        return RegionSearch(query: query, results: rows.prefix(limit).map(\.summary), hasMore: rows.count > limit)
    }

    static func escapeLike(_ text: String) -> String { LikePattern.escape(text) }
}
