import CohesionPlatform
import Fluent
import Foundation

/// A Land, Kreis or Gemeinde from the official register. Imported, never typed in by hand.
final class Region: Model, @unchecked Sendable {
    static let schema = "regions"

    @ID(key: .id) var id: UUID?
    /// 2 digits (Land), 5 (Kreis) or the 8-digit AGS (Gemeinde).
    @Field(key: "key") var key: String
    @Field(key: "ars") var ars: String
    @Field(key: "level") var level: String
    @Field(key: "name") var name: String
    /// The name in lower case, for searching the same way on SQLite and PostgreSQL.
    @Field(key: "search_name") var searchName: String
    @Field(key: "kind") var kind: String
    @Field(key: "land_key") var landKey: String
    @OptionalField(key: "kreis_key") var kreisKey: String?
    @OptionalField(key: "population") var population: Int?
    @OptionalField(key: "area_km2") var areaKm2: Double?
    @OptionalField(key: "postcode") var postcode: String?
    @OptionalField(key: "urbanisation") var urbanisation: String?
    /// Dates as the register states them (ISO days).
    @Field(key: "territory_date") var territoryDate: String
    @Field(key: "population_date") var populationDate: String
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "latitude") var latitude: Double?

    init() {}
}

/// An official figure about a region, with its source, attribution and reference date.
final class RegionFigure: Model, @unchecked Sendable {
    static let schema = "region_figures"

    @ID(key: .id) var id: UUID?
    @Field(key: "region_key") var regionKey: String
    @Field(key: "indicator") var indicator: String
    @Field(key: "value") var value: Double
    @Field(key: "reference") var reference: String
    @Field(key: "source") var source: String
    @Field(key: "attribution") var attribution: String

    init() {}
}
