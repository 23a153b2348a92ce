import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The demo looks like real data: areas change differently, and the larger regular run fills
/// the context splits with values.
@Suite("The demo's first regular run")
struct DemoRegularRunTests {
    /// The register's rows for the officers' municipalities, their Kreise and Baden-Württemberg.
    static func importOfficersRegions(on db: any Database) async throws {
        let keys = Set(DemoData.regularRunOfficers.map(\.regionKey))
        let wanted = keys.union(keys.map { String($0.prefix(5)) }).union(["08"])
        let text = try String(contentsOfFile: SharedFiles.register, encoding: .utf8)
        let entries = try MunicipalRegister.parse(text).filter { wanted.contains($0.key) }
        try await RegionImport.register(
            entries,
            dates: .init(
                territory: CalendarDay(year: 2024, month: 12, day: 31),
                population: CalendarDay(year: 2023, month: 12, day: 31)), on: db)
    }

    static func regularRun(on db: any Database) async throws -> UUID {
        try #require(try await Edition.query(on: db).filter(\.$title == DemoData.regularRunTitle).first()).requireID()
    }

    @Test("25 officers in real municipalities; the change split by kind shows values and hides only the small group")
    func changeByKind() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.importOfficersRegions(on: app.db)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)  // a second run changes nothing
            let editionID = try await Self.regularRun(on: app.db)
            #expect(try await EditionMember.query(on: app.db).filter(\.$edition.$id == editionID).count() == 25)
            #expect(try await Part.query(on: app.db).filter(\.$edition.$id == editionID).sort(\.$startsOn).first()?.city == "Stuttgart")

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let byKind = try await lead.get(SiteURL.change(.value(editionID)).path + "?kontext=art").text
            for kind in ["Stadtkreis", "Große Kreisstadt", "Stadt"] {
                #expect(byKind.contains("<th scope=\"row\">\(kind)</th><td class=\"number\">"), "\(kind) has a row")
            }
            // Five Stadtkreise show figures; four Landkreise are too few; the Gemeinden are hidden so that
            // the Landkreise cannot be worked out from "Alle" and the rest.
            #expect(byKind.contains("<th scope=\"row\">Stadtkreis</th><td class=\"number\">5</td><td class=\"number\">"))
            #expect(byKind.contains("<th scope=\"row\">Landkreis</th><td class=\"number\">4</td><td class=\"muted\" colspan=\"6\">zu wenige Paare</td>"))
            #expect(!byKind.contains("ohne Angabe"))

            let bySize = try await lead.get(SiteURL.needs(.value(editionID)).path + "?kontext=groesse").text
            for band in ["100.000 und mehr", "20.000 bis unter 100.000", "5.000 bis unter 20.000", "unter 5.000"] {
                #expect(bySize.contains(band), "size band \(band)")
            }
            #expect(!bySize.contains("zu wenige ("), "every size band is large enough to show")
        }
    }

    @Test("areas change by different amounts, one gets worse, and the start judged afterwards lies lower")
    func realisticChange() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            let editionID = try await Self.regularRun(on: app.db)
            let report = try await ChangeReport.query(
                editionID: editionID, editionTitle: DemoData.regularRunTitle,
                rule: DisclosureRule(), cache: nil, on: try #require(app.db as? any SQLDatabase))
            let changes = report.rows.compactMap(\.change)
            #expect(changes.count == 9)
            #expect(Set(changes.map { germanDecimal($0.meanDifference, digits: 2) }).count >= 7, "areas differ")
            #expect(changes.contains { $0.meanDifference < 0 }, "one area gets worse")
            #expect(changes.contains { $0.meanDifference < 0.35 && $0.meanDifference > 0 }, "one barely changes")
            #expect(changes.allSatisfy { ($0.meanRetrospective ?? 9) < $0.meanBefore }, "response shift in every area")
            _ = fixture
        }
    }
}
