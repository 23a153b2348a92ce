import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `CohortMap` from the profiles of an edition's participants and the register.
extension CohortMap {
    private struct MemberRow: Decodable {
        let key: String?
        let name: String?
        let kind: String?
        let level: String?
        let population: Int?
        let longitude: Double?
        let latitude: Double?
        let landKey: String?
        let kreisKey: String?
    }

    private struct GemeindeRow: Decodable { let kreisKey: String?; let longitude: Double; let latitude: Double; let population: Int? }
    private struct NameRow: Decodable { let key: String; let name: String; let kind: String }

    static let sizeBands: [(upTo: Int, label: String)] = [
        (5_000, "unter 5.000 Einwohner*innen"), (20_000, "5.000 bis unter 20.000"), (50_000, "20.000 bis unter 50.000"),
        (100_000, "50.000 bis unter 100.000"), (Int.max, "100.000 und mehr"),
    ]

    /// Kept until a row under it changes: members, accounts, profiles and the register move the report counter.
    static func query(
        edition: EditionID, title: String, aggregated: Bool, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> CohortMap {
        try await cache.value("cohort-map:\(edition.rawValue):\(title):\(aggregated):\(rule.minimumGroupSize)", on: db) {
            try await compute(edition: edition, title: title, aggregated: aggregated, rule: rule, on: db)
        }
    }

    private static func compute(edition: EditionID, title: String, aggregated: Bool, rule: DisclosureRule, on db: any SQLDatabase) async throws -> CohortMap {
        let members = try await db.raw(
            """
            SELECT g.key, g.name, g.kind, g.level, g.population, g.longitude, g.latitude, g.land_key, g.kreis_key
            FROM edition_members m JOIN users u ON u.id = m.user_id AND u.role = \(bind: Role.participant)
            LEFT JOIN profiles p ON p.user_id = m.user_id LEFT JOIN regions g ON g.key = p.region_key
            WHERE m.edition_id = \(bind: edition.rawValue) AND u.erased_at IS NULL
            """
        ).all(decoding: MemberRow.self, with: .snakeCaseColumns)
        let located = members.filter { $0.key != nil }
        // The Land most of them come from is drawn; the tables count everyone.
        let land = Dictionary(grouping: located.compactMap(\.landKey), by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key
        var gemeinden: [GemeindeRow] = []
        var landName: String?
        if let land {
            gemeinden = try await db.raw(
                """
                SELECT kreis_key, longitude, latitude, population FROM regions
                WHERE level = \(bind: RegionLevel.gemeinde) AND land_key = \(bind: land) AND longitude IS NOT NULL AND latitude IS NOT NULL
                """
            ).all(decoding: GemeindeRow.self, with: .snakeCaseColumns)
            landName = try await db.raw("SELECT key, name, kind FROM regions WHERE key = \(bind: land)").first(decoding: NameRow.self)?.name
        }
        let kreisKeys = Set(located.compactMap { $0.level == RegionLevel.kreis.rawValue ? $0.key : $0.kreisKey })
        let kreisNames = try await db.raw(
            "SELECT key, name, kind FROM regions WHERE key IN (\(binds: kreisKeys.isEmpty ? ["-"] : Array(kreisKeys)))"
        ).all(decoding: NameRow.self)
        let kreisLabel = Dictionary(uniqueKeysWithValues: kreisNames.map { ($0.key, RegionName.kreis(name: RegionName.readable($0.name), kind: $0.kind)) })

        // A Kreis is placed at the centre of its Gemeinden, weighted by population.
        var centres: [String: Point] = [:]
        for (kreis, rows) in Dictionary(grouping: gemeinden, by: { $0.kreisKey ?? "" }) {
            let weights = rows.map { Double(max($0.population ?? 1, 1)) }
            let total = weights.reduce(0, +)
            centres[kreis] = Point(
                longitude: zip(rows, weights).map { $0.longitude * $1 }.reduce(0, +) / total,
                latitude: zip(rows, weights).map { $0.latitude * $1 }.reduce(0, +) / total)
        }

        var places: [Place] = []
        if aggregated {
            let counts = Dictionary(
                grouping: located.filter { $0.landKey == land }, by: { ($0.level == RegionLevel.kreis.rawValue ? $0.key : $0.kreisKey) ?? "" }
            )
            .mapValues(\.count)
            let hidden = rule.hiddenGroups(counts)
            places = counts.filter { !hidden.contains($0.key) }.compactMap { kreis, count in
                centres[kreis].map { Place(name: kreisLabel[kreis] ?? kreis, point: $0, count: count) }
            }
        } else {
            for (key, rows) in Dictionary(grouping: located.filter { $0.landKey == land }, by: { $0.key ?? "" }) {
                guard let first = rows.first else { continue }
                let point =
                    first.longitude.flatMap { longitude in first.latitude.map { Point(longitude: longitude, latitude: $0) } }
                    ?? centres[key]
                if let point { places.append(Place(name: RegionName.readable(first.name ?? key), point: point, count: rows.count)) }
            }
        }

        func table(_ title: String, order: [String]? = nil, _ label: (MemberRow) -> String) -> Table {
            let counts = Dictionary(grouping: members, by: label).mapValues(\.count)
            let hidden = aggregated ? rule.hiddenGroups(counts) : []
            let merged = hidden.reduce(0) { $0 + (counts[$1] ?? 0) }
            var shown = rows(counts.filter { !hidden.contains($0.key) })
            if let order { shown.sort { (order.firstIndex(of: $0.label) ?? order.count) < (order.firstIndex(of: $1.label) ?? order.count) } }
            return Table(title: title, rows: shown, merged: merged > 0 ? merged : nil)
        }
        func size(_ row: MemberRow) -> String {
            guard row.key != nil else { return "ohne Angabe" }
            guard let population = row.population ?? (row.level == RegionLevel.kreis.rawValue ? nil : 0) else { return "Kreis (ganzer Kreis)" }
            return sizeBands.first { population < $0.upTo }?.label ?? "ohne Angabe"
        }
        let tables = [
            table("Nach Art der Kommune") { $0.kind ?? "ohne Angabe" },
            table("Nach Größe", order: sizeBands.map(\.label) + ["Kreis (ganzer Kreis)", "ohne Angabe"]) { size($0) },
            table("Nach Kreis") { row in (row.level == RegionLevel.kreis.rawValue ? row.key : row.kreisKey).flatMap { kreisLabel[$0] } ?? "ohne Angabe" },
        ]
        return CohortMap(
            editionTitle: title, landName: landName, members: members.count,
            background: gemeinden.map { Point(longitude: $0.longitude, latitude: $0.latitude) },
            places: places.sorted { ($0.count, $0.name) > ($1.count, $1.name) }, tables: tables, aggregated: aggregated,
            minimumGroup: rule.minimumGroupSize)
    }

    private static func rows(_ counts: [String: Int]) -> [Row] {
        counts.map { Row(label: $0.key, count: $0.value) }.sorted { ($1.count, $0.label) < ($0.count, $1.label) }
    }
}
