import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Writes the register and statistics into the database: one transaction per file, rows
/// upserted by their key, so importing again updates and never duplicates.
enum RegionImport {
    struct Dates: Sendable {
        let territory: CalendarDay
        let population: CalendarDay

        /// Destatis names its extracts by territorial status (`…_31122024.csv`); the population
        /// in such an extract is that of one year earlier.
        static func from(fileName: String) -> Dates? {
            guard let match = fileName.range(of: #"(\d{2})(\d{2})(\d{4})"#, options: .regularExpression),
                case let digits = fileName[match],
                let day = CalendarDay(iso: "\(digits.suffix(4))-\(digits.dropFirst(2).prefix(2))-\(digits.prefix(2))")
            else { return nil }
            return Dates(territory: day, population: CalendarDay(year: day.year - 1, month: day.month, day: day.day))
        }
    }

    static let batchSize = 500

    static func register(
        _ entries: [RegisterEntry], dates: Dates, on db: any Database,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            var done = 0
            for batch in stride(from: 0, to: entries.count, by: batchSize).map({ Array(entries[$0..<min($0 + batchSize, entries.count)]) }) {
                let columns = [
                    "id", "key", "ars", "level", "name", "search_name", "kind", "land_key", "kreis_key", "population",
                    "area_km2", "postcode", "urbanisation", "territory_date", "population_date", "longitude", "latitude",
                ]
                var insert = sql.insert(into: Region.schema).columns(columns)
                for entry in batch {
                    insert = insert.values(
                        [
                            SQLBind(UUID()), SQLBind(entry.key), SQLBind(entry.ars), SQLBind(entry.level.rawValue), SQLBind(entry.name),
                            SQLBind(entry.name.lowercased()), SQLBind(entry.kind), SQLBind(entry.landKey), SQLBind(entry.kreisKey),
                            SQLBind(entry.population), SQLBind(entry.areaKm2), SQLBind(entry.postcode), SQLBind(entry.urbanisation),
                            SQLBind(dates.territory.iso), SQLBind(dates.population.iso), SQLBind(entry.longitude), SQLBind(entry.latitude),
                        ] as [any SQLExpression])
                }
                try await insert.onConflict(with: ["key"]) { update in
                    columns.dropFirst(2).reduce(update) { $0.set(excludedValueOf: $1) }
                }.run()
                done += batch.count
                progress(done, entries.count)
            }
        }
    }

    static func figures(
        _ figures: [StatisticFigure], on db: any Database,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws {
        try await db.transaction { db in
            guard let sql = db as? any SQLDatabase else { return }
            var done = 0
            for start in stride(from: 0, to: figures.count, by: batchSize) {
                let batch = figures[start..<min(start + batchSize, figures.count)]
                var insert = sql.insert(into: RegionFigure.schema)
                    .columns("id", "region_key", "indicator", "value", "reference", "source", "attribution")
                for figure in batch {
                    insert = insert.values(
                        [
                            SQLBind(UUID()), SQLBind(figure.regionKey), SQLBind(figure.indicator), SQLBind(figure.value),
                            SQLBind(figure.reference), SQLBind(figure.source), SQLBind(figure.attribution),
                        ] as [any SQLExpression])
                }
                try await insert.onConflict(with: ["region_key", "indicator", "reference", "source"]) {
                    $0.set(excludedValueOf: "value").set(excludedValueOf: "attribution")
                }.run()
                done += batch.count
                progress(done, figures.count)
            }
        }
    }
}
