import CohesionCore
import CohesionPlatform
import Vapor

/// `cohesion seed-demo`: loads the reference programme; a second run changes nothing.
struct SeedDemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "reset-passwords", help: "Gibt den Demo-Konten neue Passwörter und zeigt sie an") var resetPasswords: Bool
    }

    var help: String { "Lädt das Referenzprogramm mit fiktiven Teilnehmer*innen." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        var result = try await DemoData.seed(on: app.db, hasher: app.password)
        try await DemoData.seedEvaluation(on: app.db)
        try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
        try await DemoData.seedImpact(on: app.db)
        try await DemoData.seedExchange(now: app.cohesion.clock.now(), on: app.db)
        try await DemoData.seedPractice(now: app.cohesion.clock.now(), on: app.db)
        if result.accounts.isEmpty && signature.resetPasswords {
            result = try await DemoData.resetPasswords(on: app.db, hasher: app.password)
            context.console.print("Neue Passwörter für die Demo-Konten:")
        } else if result.accounts.isEmpty {
            context.console.print("Die Demodaten sind schon geladen; nichts geändert. Neue Passwörter: cohesion seed-demo --reset-passwords")
            return
        } else {
            // The finished runs get their certificates on the first load, as their lead would have issued them.
            let certificates = try await DemoCertificates.issue(services: app.cohesion, now: app.cohesion.clock.now(), on: app.db)
            if !certificates.isEmpty { context.console.print(certificates) }
            context.console.print("Demodaten geladen. Zugänge (später wieder: cohesion seed-demo --reset-passwords):")
        }
        for account in result.accounts {
            context.console.print("\(account.role.rawValue)\t\(account.email)\t\(account.password)")
        }
    }
}

/// `cohesion seed-load --participants N`: a synthetic edition of N officers for load measurements.
struct SeedLoadCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "participants", help: "Zahl der fiktiven Teilnehmenden (1–20000)") var participants: Int?
    }

    var help: String { "Legt einen synthetischen Durchlauf mit vielen fiktiven Teilnehmenden für Lastmessungen an." }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let count = signature.participants, (1...20_000).contains(count) else {
            throw CommandFailure(description: "--participants: bitte eine Zahl von 1 bis 20000 angeben")
        }
        let app = context.application
        let started = Date()
        let result = try await LoadData.seed(participants: count, hasher: app.password, on: app.db)
        let seconds = germanDecimal(Date().timeIntervalSince(started), digits: 1)
        context.console.print(result.created ? "Lastprobe angelegt in \(seconds) s." : "Die Lastprobe gibt es schon; nichts geändert.")
        context.console.print("edition\t\(result.editionID.uuidString)")
    }
}
