import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// `cohesion import-municipalities FILE`: the Destatis GV-ISys extract, all of Germany.
struct ImportMunicipalitiesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "GV-ISys-Auszug als CSV, z. B. destatis_gvisys_gemeinden_31122024.csv") var file: String
        @Option(name: "gebietsstand", help: "Gebietsstand als JJJJ-MM-TT (sonst aus dem Dateinamen)") var territory: String?
        @Option(name: "bevoelkerungsstand", help: "Stichtag der Bevölkerungszahlen (sonst ein Jahr vor dem Gebietsstand)") var population: String?
    }

    var help: String { "Liest das amtliche Gemeindeverzeichnis (Länder, Kreise, Gemeinden) ein." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        let summary = try await MunicipalityImport.run(
            path: signature.file, territory: signature.territory,
            population: signature.population, on: context.application.db
        ) { done, total in
            if done == total || done % 2_000 == 0 { console.print("  \(done) von \(total) Einträgen geschrieben") }
        }
        console.print(summary)
    }
}

/// `cohesion import-statistics FILE`: one of the statistics files in data/.
struct ImportStatisticsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Statistikdatei als CSV (siehe data/SOURCES.md)") var file: String
    }

    var help: String { "Liest amtliche Zahlen (Zensus, Ausländeranteile, AZR, Schutzsuchende) mit Quelle und Stichtag ein." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let console = context.console
        let summary = try await StatisticsImport.run(path: signature.file, on: context.application.db) { done, total in
            if done == total || done % 5_000 == 0 { console.print("  \(done) von \(total) Werten geschrieben") }
        }
        console.print(summary)
    }
}

/// The plain functions behind the commands, called by the tests too.
enum MunicipalityImport {
    static func run(
        path: String, territory: String? = nil, population: String? = nil, on db: any Database,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> String {
        let text = try readFile(path)
        let fromName = RegionImport.Dates.from(fileName: URL(fileURLWithPath: path).lastPathComponent)
        guard let territoryDay = territory.map({ CalendarDay(typed: $0) }) ?? fromName?.territory else {
            throw CommandFailure(description: "Gebietsstand unbekannt: bitte --gebietsstand JJJJ-MM-TT angeben.")
        }
        guard
            let populationDay = population.map({ CalendarDay(typed: $0) })
                ?? CalendarDay(year: territoryDay.year - 1, month: territoryDay.month, day: territoryDay.day)
        else {
            throw CommandFailure(description: "--bevoelkerungsstand: bitte ein Datum JJJJ-MM-TT angeben.")
        }
        let entries: [RegisterEntry]
        do {
            entries = try MunicipalRegister.parse(text)
        } catch {
            throw CommandFailure(description: "\(path), \(error.description). Nichts wurde übernommen.")
        }
        try await RegionImport.register(entries, dates: .init(territory: territoryDay, population: populationDay), on: db, progress: progress)
        let counts = Dictionary(grouping: entries, by: \.level).mapValues(\.count)
        return "Gemeindeverzeichnis eingelesen (Gebietsstand \(territoryDay.german), Bevölkerung \(populationDay.german)): "
            + "\(counts[.land] ?? 0) Länder, \(counts[.kreis] ?? 0) Kreise, \(counts[.gemeinde] ?? 0) Gemeinden."
    }

    static func readFile(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(description: "Datei nicht lesbar: \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(description: "\(path) ist nicht in UTF-8 kodiert.")
        }
        return text
    }
}

enum StatisticsImport {
    static func run(
        path: String, on db: any Database,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> String {
        let text = try MunicipalityImport.readFile(path)
        let parsed: (kind: String, figures: [StatisticFigure])
        do {
            parsed = try StatisticsFile.parse(text)
        } catch {
            throw CommandFailure(description: "\(path), \(error.description). Nichts wurde übernommen.")
        }
        try await RegionImport.figures(parsed.figures, on: db, progress: progress)
        let regions = Set(parsed.figures.map(\.regionKey)).count
        return "\(parsed.kind): \(parsed.figures.count) Werte für \(regions) Gebiete eingelesen."
    }
}
