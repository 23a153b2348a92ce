import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The official files in the repository's data/ folder.
enum SharedFiles {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let register = path("destatis_gvisys_gemeinden_31122024.csv")
    static let statistics = [
        "zensus2022_einwanderungsgeschichte_gemeinden_bw.csv", "stala_bw_auslaenderanteil_gemeinden_2025.csv",
        "destatis_azr_kreise_bw_31122025.csv", "regionalatlas_ai0208_auslaenderanteil_2011_2024.csv",
        "regionalstatistik_schutzsuchende_kreise_31122018.csv",
    ].map(path)
}

@Suite("The municipal register and statistics in the database")
struct RegionTests {
    @Test("the real register and all statistics files import; importing again updates and never duplicates")
    func importTwice() async throws {
        try await withApp { app, _ in
            let summary = try await MunicipalityImport.run(path: SharedFiles.register, on: app.db)
            #expect(summary == "Gemeindeverzeichnis eingelesen (Gebietsstand 31.12.2024, Bevölkerung 31.12.2023): 16 Länder, 400 Kreise, 10959 Gemeinden.")
            var figures = 0
            for file in SharedFiles.statistics {
                _ = try await StatisticsImport.run(path: file, on: app.db)
                figures = try await RegionFigure.query(on: app.db).count()
            }
            #expect(try await Region.query(on: app.db).count() == 11_375)

            // A changed name in the file arrives as an update of the same row.
            let changed = FileManager.default.temporaryDirectory.appendingPathComponent("gv_31122024_\(UUID().uuidString).csv")
            let text = try String(contentsOfFile: SharedFiles.register, encoding: .utf8)
                .replacingOccurrences(of: "\"Konstanz, Universitätsstadt\"", with: "\"Konstanz am Bodensee\"")
            try text.write(to: changed, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: changed) }
            _ = try await MunicipalityImport.run(path: changed.path, on: app.db)
            for file in SharedFiles.statistics { _ = try await StatisticsImport.run(path: file, on: app.db) }
            #expect(try await Region.query(on: app.db).count() == 11_375)
            #expect(try await RegionFigure.query(on: app.db).count() == figures)
            #expect(try await Region.query(on: app.db).filter(\.$key == "08335043").first()?.name == "Konstanz am Bodensee")
        }
    }

    @Test("a malformed file is refused with its line number and nothing of it is applied")
    func malformedFile() async throws {
        try await withApp { app, _ in
            // Split on the line-feed byte: the file ends lines with CRLF, which Swift reads as one character.
            var lines = try Data(contentsOf: URL(fileURLWithPath: SharedFiles.register)).split(
                separator: UInt8(ascii: "\n"),
                omittingEmptySubsequences: false
            )
            .map { String(decoding: $0, as: UTF8.self) }
            lines[4999] = "60,63,08,3,35,5004,043,Kaputt,54.1,viele,,,,,,,,,,\r"
            let broken = FileManager.default.temporaryDirectory.appendingPathComponent("gv_31122024_\(UUID().uuidString).csv")
            try lines.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: broken) }
            do {
                _ = try await MunicipalityImport.run(path: broken.path, on: app.db)
                Issue.record("the broken file should be refused")
            } catch let failure as CommandFailure {
                #expect(failure.description.contains("Zeile 5000: Bevoelkerung_insgesamt „viele“ ist keine ganze Zahl"))
                #expect(failure.description.hasSuffix("Nichts wurde übernommen."))
            }
            #expect(try await Region.query(on: app.db).count() == 0)
        }
    }

    @Test("search by name (umlauts too) or key, and a page per region with each figure's source and date")
    func pages() async throws {
        try await withApp { app, _ in
            _ = try await MunicipalityImport.run(path: SharedFiles.register, on: app.db)
            for file in SharedFiles.statistics { _ = try await StatisticsImport.run(path: file, on: app.db) }
            var visitor = Browser(app)

            let byName = try await visitor.get("/kommunen?suche=konstanz").text
            #expect(byName.contains("Konstanz, Universitätsstadt"))
            #expect(byName.contains("Große Kreisstadt"))
            let umlaut = try await visitor.get("/kommunen?suche=%C3%9Cberlingen").text
            #expect(umlaut.contains("Überlingen, Stadt"))
            let byKey = try await visitor.get("/kommunen?suche=08335043").text
            #expect(byKey.contains("1 Treffer"))
            let many = try await visitor.get("/kommunen?suche=a").text
            #expect(many.contains("Mehr als 50 Treffer"))
            #expect(try await visitor.get("/kommunen?suche=%25").text.contains("Keine Treffer"), "% is a character, not a wildcard")

            let konstanz = try await visitor.get("/kommunen/08335043").text
            #expect(konstanz.contains("083355004043"))
            #expect(konstanz.contains("(Stand 31.12.2023)"))
            #expect(konstanz.contains("Gebietsstand 31.12.2024"))
            #expect(konstanz.contains("Personen mit Einwanderungsgeschichte"))
            #expect(konstanz.contains("15.05.2022"))
            #expect(konstanz.contains("© Statistische Ämter des Bundes und der Länder, Zensus 2022"))
            #expect(konstanz.contains("Konstanz</a> (Landkreis)"))
            let population = try #require(konstanz.range(of: "Einwohner*innen (Zensus 2022)"))
            let parts = try #require(konstanz.range(of: "davon selbst eingewandert"))
            #expect(population.lowerBound < parts.lowerBound, "totals come before their parts")

            let kreis = try await visitor.get("/kommunen/08335").text
            #expect(kreis.contains("Gemeinden im Kreis"))
            #expect(kreis.contains("Summe der Gemeinden"))
            #expect(kreis.contains("mit Aufenthaltsgestattung"))

            let flensburg = try await visitor.get("/kommunen/01001000").text
            #expect(flensburg.contains("Für dieses Gebiet sind keine weiteren Zahlen eingelesen."))
            #expect(try await visitor.get("/kommunen/99999999").status == .notFound)

            let api = try await app.testing().sendRequest(.GET, "/api/v1/regions/08335043")
            #expect(api.status == .ok && api.text.contains("\"key\":\"08335043\""))
        }
    }
}
