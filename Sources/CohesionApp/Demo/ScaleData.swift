import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// A site at the size of a whole country's programme over the years, for the benchmark
/// (`bench/run`): 200 editions of the reference programme, one of them with 5,000 officers, and
/// N participants in real municipalities chosen in proportion to population, each with a profile,
/// registrations, attendance, before/after self-assessments and survey answers. Deterministic
/// for a seed; written in bulk, one transaction per edition.
enum ScaleData {
    struct Refused: Error, CustomStringConvertible { let description: String }

    struct Summary {
        var editions = 0
        var participants = 0
        var rows: [String: Int] = [:]
        /// The edition of 5,000 (or the largest) that the benchmark's report pages use.
        var largestEditionID: UUID?
        var largestEditionSize = 0
        /// One person of that edition who can sign in, for measuring Mein Programm.
        var sampleEmail = ""
        var samplePassword = ""
    }

    static let defaultEditions = 200
    static let titlePrefix = "Skalenprobe"
    static let allowed = 200...1_000_000

    /// How many people each edition has: the first 5,000 (when there are at least twice as many), the rest evenly.
    static func sizes(participants: Int, editions: Int) -> [Int] {
        let largest = participants >= 10_000 ? 5_000 : max(1, participants / 20)
        let rest = participants - largest
        let others = editions - 1
        return [largest] + (0..<others).map { rest / others + ($0 < rest % others ? 1 : 0) }
    }

    static func seed(
        participants: Int, editions: Int = defaultEditions, seed: UInt64, hasher: some PasswordHasher, on db: any Database,
        progress: @escaping (String) -> Void
    ) async throws -> Summary {
        guard allowed.contains(participants) else { throw Refused(description: "--participants: bitte eine Zahl von 200 bis 1000000 angeben") }
        guard (2...1_000).contains(editions) else { throw Refused(description: "--editions: bitte eine Zahl von 2 bis 1000 angeben") }
        return try await Self.seed(sizes: sizes(participants: participants, editions: editions), seed: seed, hasher: hasher, on: db, progress: progress)
    }

    /// Editions of exactly these sizes, the first with the sample participant (tests compare an
    /// edition of 20 with one of 5,000).
    static func seed(
        sizes: [Int], seed: UInt64, hasher: some PasswordHasher, on db: any Database, progress: @escaping (String) -> Void
    ) async throws -> Summary {
        let editions = sizes.count
        guard let programme = try await Programme.query(on: db).filter(\.$title == DemoData.programmeTitle).first() else {
            throw LoadData.MissingDemo()
        }
        guard try await Edition.query(on: db).filter(\.$title, .custom("LIKE"), titlePrefix + "%").count() == 0 else {
            throw Refused(description: "Die Skalendaten gibt es schon; für neue Daten eine leere Datenbank nehmen.")
        }
        let places = try await municipalities(on: db)
        guard !places.keys.isEmpty else {
            throw Refused(description: "Zuerst das Gemeindeverzeichnis einlesen: cohesion import-municipalities data/destatis_gvisys_gemeinden_31122024.csv")
        }
        let programmeID = try programme.requireID()
        let curriculum = try await DemoData.curriculum(programmeID: programmeID, on: db)
        // Nobody signs in as these people: one unknown password serves them all.
        let hash = try hasher.hash(SecretGenerator.live.make())
        var random = SeededRandom(seed: seed)
        var summary = Summary()
        summary.samplePassword = String(SecretGenerator.live.make().prefix(20))
        let sampleHash = try hasher.hash(summary.samplePassword)
        var numbered = 0
        for (index, size) in sizes.enumerated() {
            let editionSeed = random.next()
            let first = numbered
            let (editionID, written) = try await db.transaction { db in
                var writer = try await EditionWriter(
                    db: db, seed: editionSeed, places: places, hash: hash,
                    firstHash: index == 0 ? sampleHash : nil)
                let id = try await writer.edition(index: index, size: size, firstNumber: first, programmeID: programmeID, curriculum: curriculum)
                return (id, writer.written)
            }
            for (table, count) in written { summary.rows[table, default: 0] += count }
            if index == 0 { summary.sampleEmail = EditionWriter.email(number: numbered + 1) }
            numbered += size
            summary.editions += 1
            summary.participants += size
            if size > summary.largestEditionSize { (summary.largestEditionID, summary.largestEditionSize) = (editionID, size) }
            if index == 0 || (index + 1) % 20 == 0 {
                progress(
                    "Durchgang \(index + 1) von \(editions): \(summary.participants) Teilnehmende, "
                        + "\(summary.rows.values.reduce(0, +)) Zeilen")
            }
        }
        return summary
    }

    /// Every Gemeinde of the register with its population.
    private static func municipalities(on db: any Database) async throws -> PopulationWeights {
        struct Row: Decodable { let key: String; let population: Int? }
        guard let sql = db as? any SQLDatabase else { return PopulationWeights([]) }
        let rows = try await sql.raw(
            """
            SELECT key, population FROM regions WHERE level = \(bind: RegionLevel.gemeinde) AND population > 0 ORDER BY key
            """
        ).all(decoding: Row.self)
        return PopulationWeights(rows.map { ($0.key, $0.population ?? 1) })
    }
}
