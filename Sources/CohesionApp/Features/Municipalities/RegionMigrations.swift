import CohesionPlatform
import Fluent
import SQLKit

struct CreateRegion: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Region.schema)
            .id()
            .field("key", .string, .required)
            .field("ars", .string, .required)
            .field("level", .string, .required)
            .field("name", .string, .required)
            .field("search_name", .string, .required)
            .field("kind", .string, .required)
            .field("land_key", .string, .required)
            .field("kreis_key", .string)
            .field("population", .int)
            .field("area_km2", .double)
            .field("postcode", .string)
            .field("urbanisation", .string)
            .field("territory_date", .string, .required)
            .field("population_date", .string, .required)
            .unique(on: "key")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_regions_kreis ON regions (kreis_key, level)").run()
        try await sql.raw("CREATE INDEX idx_regions_search ON regions (search_name)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Region.schema).delete()
    }
}

struct CreateRegionFigure: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(RegionFigure.schema)
            .id()
            .field("region_key", .string, .required)
            .field("indicator", .string, .required)
            .field("value", .double, .required)
            .field("reference", .string, .required)
            .field("source", .string, .required)
            .field("attribution", .string, .required)
            .unique(on: "region_key", "indicator", "reference", "source")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(RegionFigure.schema).delete()
    }
}

/// The Gemeinden's geographic centres from the register, for the cohort's map (drawn without tiles).
struct UpdateRegionAddCoordinates: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Region.schema).field("longitude", .double).update()
        try await database.schema(Region.schema).field("latitude", .double).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Region.schema).deleteField("latitude").update()
        try await database.schema(Region.schema).deleteField("longitude").update()
    }
}
