import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

@Suite("Rows read into Swift names")
struct RowDecodingTests {
    @Test("snake_case columns map to the project's spelling, with ID in capitals")
    func names() {
        #expect(SQLRowDecoder.snakeCase("editionID") == "edition_id")
        #expect(SQLRowDecoder.snakeCase("startsOn") == "starts_on")
        #expect(SQLRowDecoder.snakeCase("competenceAreaID") == "competence_area_id")
        #expect(SQLRowDecoder.snakeCase("areaKm2") == "area_km2")
        #expect(SQLRowDecoder.snakeCase("id") == "id")
    }

    struct Sample: Decodable { let editionID: UUID; let startsOn: CalendarDay; let status: RegistrationStatus }

    @Test("a row decodes into a struct with typed days and statuses, on both databases")
    func decodesFromTheDatabase() async throws {
        try await withApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            let id = UUID()
            let sample = try await sql.raw(
                """
                SELECT \(bind: id) AS edition_id, \(bind: CalendarDay(year: 2024, month: 11, day: 14)) AS starts_on,
                       \(bind: RegistrationStatus.waitlisted) AS status
                """
            ).first(decoding: Sample.self, with: .snakeCaseColumns)
            #expect(sample?.editionID == id)
            #expect(sample?.startsOn == CalendarDay(year: 2024, month: 11, day: 14))
            #expect(sample?.status == .waitlisted)
        }
    }
}
