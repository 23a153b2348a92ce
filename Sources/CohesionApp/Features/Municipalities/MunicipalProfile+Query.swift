import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `MunicipalProfile` from the database and the comparison sets kept in memory.
extension MunicipalProfile {
    static let peerCount = 10

    /// Kept whole per region and choice behind the report counter (the register and its figures
    /// are watched): comparing a Gemeinde with the 1,092 of its Land took a third of the page's time.
    static func query(key: String, on db: any SQLDatabase, cache: ReportCache?, choice: Choice = Choice()) async throws -> MunicipalProfile? {
        let chosen = "+" + choice.added.sorted().joined(separator: ",") + "-" + choice.removed.sorted().joined(separator: ",")
        return try await cache.value("profile:\(key):\(chosen)", shelf: .numerous, on: db) {
            try await compute(key: key, on: db, cache: cache, choice: choice)
        }
    }

    private static func compute(key: String, on db: any SQLDatabase, cache: ReportCache?, choice: Choice) async throws -> MunicipalProfile? {
        guard let page = try await RegionPage.query(key: key, on: db) else { return nil }
        var comparison: Comparison?
        var reason: String? = "Ein Land wird nicht verglichen; die Profile seiner Kreise und Gemeinden vergleichen."
        if let (setKind, subjectKey) = comparisonSet(for: page) {
            let set = try await ComparisonSet.load(setKind, on: db, cache: cache)
            comparison = compare(subjectKey, name: page.name, in: set, choice: choice)
            reason =
                comparison == nil
                ? "Für \(page.name) fehlen Zahlen, die der Vergleich braucht (\(set.description)). "
                    + (page.level == RegionLevel.gemeinde.rawValue ? "Der Vergleich des Kreises steht im Profil des Kreises." : "")
                : nil
        }
        let kreisKey = page.level == RegionLevel.kreis.rawValue ? page.key : page.kreis?.key
        var series: Series?
        if let kreisKey {
            // The Kreise the comparison group lies in (a Gemeinde's peers' Kreise, or the peer Kreise themselves).
            let groupKreise = Set((comparison?.peers ?? []).map { String($0.key.prefix(5)) }).subtracting([kreisKey]).sorted()
            series = try await foreignShareSeries(kreis: kreisKey, land: page.land, groupKreise: groupKreise, on: db, cache: cache)
        }
        return MunicipalProfile(page: page, comparison: comparison, noComparison: reason, series: series)
    }

    /// Which set a region is compared in, and as which region: a kreisfreie Stadt is a Kreis of
    /// its own and is compared on the Kreis figures; a Land is not compared.
    static func comparisonSet(for page: RegionPage) -> (kind: ComparisonSet.Kind, subjectKey: String)? {
        let urban = ComparisonSet.urbanKinds.contains(page.kind)
        switch page.level {
        case RegionLevel.gemeinde.rawValue where urban: return (.kreisfreieStaedte, page.kreis?.key ?? page.key)
        case RegionLevel.gemeinde.rawValue: return page.land.map { (.gemeinden(land: $0.key), page.key) }
        case RegionLevel.kreis.rawValue: return (urban ? .kreisfreieStaedte : .landkreise, page.key)
        default: return nil
        }
    }

    static func compare(_ key: String, name: String, in set: ComparisonSet, choice: Choice = Choice()) -> Comparison? {
        guard let own = set.members.first(where: { $0.key == key }) else { return nil }
        let indicators = set.measures.map(\.indicator)
        // The whole ranking: the ten nearest not taken out, and whatever the officer added.
        let ranked = ComparableRegions.nearest(to: key, among: set.candidates, indicators: indicators, count: set.members.count)
        let nearest = ranked.filter { !choice.removed.contains($0.key) }.prefix(peerCount)
        let nearestKeys = Set(nearest.map(\.key))
        let neighbours = Array(nearest) + ranked.filter { choice.added.contains($0.key) && !nearestKeys.contains($0.key) }
        let byKey = Dictionary(uniqueKeysWithValues: set.members.map { ($0.key, $0) })
        let standings = set.measures.enumerated().map { index, measure in
            let values = set.members.map { $0.values[index] }
            return Standing(
                label: measure.indicator.label, weight: measure.indicator.weight, source: measure.source, value: own.values[index],
                median: ComparableRegions.median(values), minimum: values.min() ?? 0, maximum: values.max() ?? 0,
                percentile: ComparableRegions.percentile(of: own.values[index], in: values), logarithmic: measure.logarithmic,
                format: measure.format)
        }
        let peers = neighbours.compactMap { neighbour -> Peer? in
            guard let member = byKey[neighbour.key] else { return nil }
            return Peer(
                key: member.key, name: member.name, kind: member.kind, distance: neighbour.distance,
                added: !nearestKeys.contains(member.key), alikeIn: indicators[neighbour.closest(indicators)].label,
                apartIn: indicators[neighbour.farthest(indicators)].label)
        }
        let removed = ranked.filter { choice.removed.contains($0.key) }.compactMap { neighbour in
            byKey[neighbour.key].map { Peer(key: $0.key, name: $0.name, kind: $0.kind, distance: neighbour.distance, alikeIn: "", apartIn: "") }
        }
        return Comparison(
            subjectKey: key, subjectName: name, setDescription: set.description, setSize: set.members.count, leftOut: set.leftOut,
            standings: standings, peers: peers, removed: removed)
    }

    private struct SeriesRow: Decodable { let regionKey: String; let value: Double; let reference: String }

    /// The foreign share per year (Regionalatlas, Kreis and Land level) of the Kreis, its Land, and
    /// the median of the comparison group's Kreise (of all Kreise of its kind where there is no group).
    static func foreignShareSeries(
        kreis: String, land: RegionSummary?, groupKreise: [String], on db: any SQLDatabase, cache: ReportCache?
    ) async throws -> Series? {
        let rows = try await db.raw(
            """
            SELECT region_key, value, reference FROM region_figures
            WHERE indicator = \(bind: Indicator.foreignShare) AND region_key IN (\(binds: [kreis, land?.key ?? "-"] + groupKreise))
              AND source LIKE 'Regionalatlas%'
            """
        ).all(decoding: SeriesRow.self, with: .snakeCaseColumns)
        func yearly(_ key: String) -> [Int: Double] {
            Dictionary(rows.filter { $0.regionKey == key }.compactMap { row in Int(row.reference.suffix(4)).map { ($0, row.value) } }) { a, _ in a }
        }
        let own = yearly(kreis)
        guard !own.isEmpty else { return nil }
        let kind = try await db.raw("SELECT kind FROM regions WHERE key = \(bind: kreis)").first(decoding: KindRow.self)?.kind ?? ""
        let groupSeries = groupKreise.map(yearly).filter { !$0.isEmpty }
        let groupMedian =
            groupSeries.isEmpty
            ? try await cache.value("series-median-\(ComparisonSet.urbanKinds.contains(kind))", on: db) {
                try await medianSeries(urban: ComparisonSet.urbanKinds.contains(kind), on: db)
            }
            : Dictionary(uniqueKeysWithValues: own.keys.map { year in (year, ComparableRegions.median(groupSeries.compactMap { $0[year] })) })
        let name = try await db.raw("SELECT name, kind FROM regions WHERE key = \(bind: kreis)").first(decoding: NameRow.self)
        var lines = [Series.Line(label: name.map { RegionName.kreis(name: RegionName.readable($0.name), kind: $0.kind) } ?? "Kreis", values: own)]
        if let land { lines.append(.init(label: "Land \(land.name)", values: yearly(land.key))) }
        let groupLabel =
            groupSeries.isEmpty
            ? (ComparisonSet.urbanKinds.contains(kind) ? "Median der kreisfreien Städte" : "Median der Landkreise")
            : "Median der \(groupSeries.count) Kreise der Vergleichsgruppe"
        lines.append(.init(label: groupLabel, values: groupMedian))
        return Series(title: "Anteil Ausländer*innen, jeweils am 31.12.", years: own.keys.sorted(), lines: lines)
    }

    private struct ColleagueRow: Decodable { let id: UUID; let name: String; let regionName: String }

    /// Listed colleagues (the network feature's opt-in directory) in the region or its comparable ones.
    static func colleagues(of user: CurrentUser, in profile: MunicipalProfile, on db: any SQLDatabase) async throws -> [Colleague] {
        let keys = [profile.page.key] + (profile.comparison?.peers.map(\.key) ?? [])
        // The directory (those who opted in) first: asked for names in order, SQLite otherwise walked
        // all accounts by name looking for listed ones (617 ms at 100,000 accounts).
        return try await db.raw(
            """
            WITH listed AS MATERIALIZED (
                SELECT d.user_id, p.region_key FROM peer_directory d JOIN profiles p ON p.user_id = d.user_id
                WHERE p.region_key IN (\(binds: keys)) AND d.user_id <> \(bind: user.id))
            SELECT u.id, u.name, g.name AS region_name FROM listed l JOIN users u ON u.id = l.user_id
            JOIN regions g ON g.key = l.region_key
            WHERE u.erased_at IS NULL ORDER BY u.name
            """
        ).all(decoding: ColleagueRow.self, with: .snakeCaseColumns).map { Colleague(id: $0.id, name: $0.name, regionName: RegionName.readable($0.regionName)) }
    }

    private struct KindRow: Decodable { let kind: String }
    private struct NameRow: Decodable { let name: String; let kind: String }
    private struct YearRow: Decodable { let value: Double; let reference: String }

    private static func medianSeries(urban: Bool, on db: any SQLDatabase) async throws -> [Int: Double] {
        let kindFilter: SQLQueryString = urban ? "r.kind IN (\(binds: ComparisonSet.urbanKinds))" : "r.kind NOT IN (\(binds: ComparisonSet.urbanKinds))"
        let rows = try await db.raw(
            """
            SELECT f.value, f.reference FROM region_figures f JOIN regions r ON r.key = f.region_key
            WHERE r.level = \(bind: RegionLevel.kreis) AND \(kindFilter) AND f.indicator = \(bind: Indicator.foreignShare)
              AND f.source LIKE 'Regionalatlas%'
            """
        ).all(decoding: YearRow.self)
        let byYear = Dictionary(grouping: rows.compactMap { row in Int(row.reference.suffix(4)).map { ($0, row.value) } }, by: \.0)
        return byYear.mapValues { ComparableRegions.median($0.map(\.1)) }
    }
}
