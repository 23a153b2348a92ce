import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads a comparison set: once per change of the register or the figures, then from memory
/// (`ReportCache` watches both tables), so a profile never recomputes the whole register.
extension ComparisonSet {
    static func load(_ kind: Kind, on db: any SQLDatabase, cache: ReportCache?) async throws -> ComparisonSet {
        try await cache.value(kind.cacheKey, on: db) {
            switch kind {
            case .gemeinden(let land): try await gemeinden(of: land, on: db)
            case .landkreise: try await kreise(urban: false, on: db)
            case .kreisfreieStaedte: try await kreise(urban: true, on: db)
            }
        }
    }

    private struct RegionRow: Decodable {
        let key: String; let name: String; let kind: String; let population: Int?; let areaKm2: Double?; let urbanisation: String?
    }

    private struct FigureRow: Decodable { let regionKey: String; let indicator: String; let value: Double; let reference: String }

    /// The newest value of each indicator per region.
    private static func latestFigures(_ indicators: [String], level: RegionLevel, land: String?, on db: any SQLDatabase) async throws
        -> [String: [String: Double]]
    {
        let landFilter: SQLQueryString = land.map { "AND r.land_key = \(bind: $0)" } ?? ""
        let rows = try await db.raw(
            """
            SELECT f.region_key, f.indicator, f.value, f.reference FROM region_figures f JOIN regions r ON r.key = f.region_key
            WHERE r.level = \(bind: level) \(landFilter) AND f.indicator IN (\(binds: indicators))
            """
        ).all(decoding: FigureRow.self, with: .snakeCaseColumns)
        var newest: [String: [String: (reference: String, value: Double)]] = [:]
        for row in rows {
            let reference = StatisticFigure.sortableReference(row.reference)
            if let kept = newest[row.regionKey]?[row.indicator], kept.reference >= reference { continue }
            newest[row.regionKey, default: [:]][row.indicator] = (reference, row.value)
        }
        return newest.mapValues { $0.mapValues(\.value) }
    }

    static func gemeinden(of land: String, on db: any SQLDatabase) async throws -> ComparisonSet {
        let rows = try await db.raw(
            """
            SELECT key, name, kind, population, area_km2, urbanisation FROM regions
            WHERE level = \(bind: RegionLevel.gemeinde) AND land_key = \(bind: land) AND kind NOT IN (\(binds: urbanKinds))
              AND population > 0
            """
        ).all(decoding: RegionRow.self, with: .snakeCaseColumns)
        let figures = try await latestFigures(
            [Indicator.foreignShare, "zensus_immigration_history", "zensus_population"], level: .gemeinde, land: land, on: db)
        let members = rows.compactMap { row -> Member? in
            guard let population = row.population, let area = row.areaKm2, area > 0,
                let urbanisation = row.urbanisation.flatMap({ urbanisationDegree[$0] }),
                let own = figures[row.key], let foreign = own[Indicator.foreignShare],
                let history = own["zensus_immigration_history"], let census = own["zensus_population"], census > 0
            else { return nil }
            let values = [Double(population), Double(population) / area, foreign, history / census * 100, urbanisation]
            return Member(key: row.key, name: RegionName.readable(row.name), kind: row.kind, values: values)
        }
        return ComparisonSet(
            kind: .gemeinden(land: land),
            description: "kreisangehörige Gemeinden desselben Landes mit den Zahlen des Landes und des Zensus 2022",
            measures: gemeindeMeasures, members: members.sorted { $0.key < $1.key }, leftOut: rows.count - members.count)
    }

    private struct KreisRow: Decodable { let key: String; let name: String; let kind: String; let population: Int?; let area: Double? }

    static func kreise(urban: Bool, on db: any SQLDatabase) async throws -> ComparisonSet {
        let kindFilter: SQLQueryString = urban ? "k.kind IN (\(binds: urbanKinds))" : "k.kind NOT IN (\(binds: urbanKinds))"
        // The register fills population and area on Gemeinden only; a Kreis is their sum.
        let rows = try await db.raw(
            """
            SELECT k.key, k.name, k.kind, CAST(SUM(g.population) AS BIGINT) AS population, SUM(g.area_km2) AS area FROM regions k
            JOIN regions g ON g.kreis_key = k.key AND g.level = \(bind: RegionLevel.gemeinde)
            WHERE k.level = \(bind: RegionLevel.kreis) AND \(kindFilter)
            GROUP BY k.key, k.name, k.kind
            """
        ).all(decoding: KreisRow.self, with: .snakeCaseColumns)
        let figures = try await latestFigures([Indicator.foreignShare, "protection_seekers"], level: .kreis, land: nil, on: db)
        let members = rows.compactMap { row -> Member? in
            guard let population = row.population, population > 0, let area = row.area, area > 0,
                let foreign = figures[row.key]?[Indicator.foreignShare], let seekers = figures[row.key]?["protection_seekers"]
            else { return nil }
            let values = [Double(population), Double(population) / area, foreign, seekers / Double(population) * 1000]
            return Member(key: row.key, name: RegionName.kreis(name: RegionName.readable(row.name), kind: row.kind), kind: row.kind, values: values)
        }
        return ComparisonSet(
            kind: urban ? .kreisfreieStaedte : .landkreise,
            description: urban ? "kreisfreie Städte und Stadtkreise in ganz Deutschland" : "Landkreise (und Kreise) in ganz Deutschland",
            measures: kreisMeasures, members: members.sorted { $0.key < $1.key }, leftOut: rows.count - members.count)
    }
}
