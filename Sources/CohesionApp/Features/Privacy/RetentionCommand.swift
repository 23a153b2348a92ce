import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// `cohesion retention [--dry-run]`: erases the participants whose last edition ended longer ago
/// than the period the admin set; with `--dry-run` only lists them. `serve` runs it daily.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "dry-run", help: "Nur anzeigen, wer gelöscht würde; nichts ändern.") var dryRun: Bool
    }

    var help: String { "Löscht Teilnehmende nach Ablauf der Aufbewahrungsfrist (mit --dry-run nur Anzeige)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let months = try await Retention.months(on: app.db) else {
            throw CommandFailure(description: "Keine Aufbewahrungsfrist eingestellt. Die Administration legt sie unter Verwaltung → Datenschutz fest.")
        }
        let now = app.cohesion.clock.now()
        let today = BerlinTime.day(of: now)
        let cutoff = Retention.cutoff(months: months, today: today)
        let due =
            signature.dryRun
            ? try await Retention.due(months: months, today: today, on: app.db)
            : try await Retention.run(months: months, today: today, at: now, declarations: app.features.personalData, on: app.db)
        let verb = signature.dryRun ? "würden gelöscht" : "gelöscht"
        context.console.print("Aufbewahrungsfrist \(months) Monate: Durchläufe mit letztem Tag vor dem \(cutoff.german); \(due.count) Personen \(verb).")
        for person in due { context.console.print("\(person.lastDay.iso)\t\(person.name)") }
    }
}
