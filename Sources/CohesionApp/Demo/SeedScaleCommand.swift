import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// `cohesion seed-scale --participants N [--seed S]`: the scale data for the benchmark.
struct SeedScaleCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "participants", help: "Zahl der fiktiven Teilnehmenden (200–1000000, Vorgabe 100000)") var participants: Int?
        @Option(name: "editions", help: "Zahl der Durchgänge (2–1000, Vorgabe 200)") var editions: Int?
        @Option(name: "articles", help: "Zahl der Beiträge im Praxisportal (0–100000, Vorgabe 0), für die Messung der Suche") var articles: Int?
        @Option(name: "seed", help: "Startwert des Zufallsgenerators (Vorgabe 1): gleicher Wert, gleiche Daten") var seed: Int?
    }

    var help: String { "Legt 200 Durchgänge mit vielen fiktiven Teilnehmenden in echten Gemeinden an, für Messungen im Maßstab eines Landes." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let participants = signature.participants ?? 100_000
        guard ScaleData.allowed.contains(participants) else {
            throw CommandFailure(description: "--participants: bitte eine Zahl von 200 bis 1000000 angeben")
        }
        guard let seed = signature.seed ?? 1 as Int?, seed >= 0 else { throw CommandFailure(description: "--seed: bitte eine Zahl ab 0 angeben") }
        let articles = signature.articles ?? 0
        guard ScalePortal.allowed.contains(articles) else { throw CommandFailure(description: "--articles: bitte eine Zahl von 0 bis 100000 angeben") }
        let app = context.application
        let clock = ContinuousClock()
        let started = clock.now
        let console = context.console
        let summary = try await ScaleData.seed(
            participants: participants, editions: signature.editions ?? ScaleData.defaultEditions, seed: UInt64(seed), hasher: app.password, on: app.db
        ) { line in
            let seconds = (clock.now - started).components.seconds
            console.print("[\(seconds) s] \(line)")
        }
        if articles > 0, let author = try await User.query(on: app.db).filter(\.$email == summary.sampleEmail).first() {
            let written = try await ScalePortal.seed(articles, seed: UInt64(seed), authorID: try author.requireID(), on: app.db)
            console.print("[\((clock.now - started).components.seconds) s] \(written) Beiträge im Praxisportal")
        }
        if let sql = app.db as? any SQLDatabase { try await Digest.markRoundSent(now: app.cohesion.clock.now(), on: sql) }
        let elapsed = clock.now - started
        let seconds = germanDecimal(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, digits: 1)
        console.print(
            "Skalendaten angelegt in \(seconds) s: \(summary.participants) Teilnehmende in \(summary.editions) Durchgängen, "
                + "\(summary.rows.values.reduce(0, +)) Zeilen.")
        for (table, count) in summary.rows.sorted(by: { $0.key < $1.key }) { console.print("  \(table): \(count)") }
        console.print("edition\t\(summary.largestEditionID?.uuidString ?? "")\t\(summary.largestEditionSize)")
        console.print("participant\t\(summary.sampleEmail)\t\(summary.samplePassword)")
    }
}
