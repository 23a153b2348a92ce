import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// `cohesion seed-contention --people 2000 --seats 30 --tokens FILE`: a part of a new edition that
/// opens for registration, with `seats` places and `people` members who each get a read-write API
/// token (written to FILE, one per line), so the benchmark can send all their registrations at once.
struct SeedContentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "people", help: "Zahl der Personen, die sich gleichzeitig anmelden (Vorgabe 2000)") var people: Int?
        @Option(name: "seats", help: "freie Plätze im Teil (Vorgabe 30)") var seats: Int?
        @Option(name: "tokens", help: "Datei für die API-Tokens, eines je Zeile") var tokens: String?
    }

    var help: String { "Legt für die Messung des Andrangs einen Teil mit wenigen Plätzen und viele Personen mit API-Tokens an." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let people = signature.people ?? 2_000
        let seats = signature.seats ?? 30
        guard (1...100_000).contains(people), (1...10_000).contains(seats) else {
            throw CommandFailure(description: "--people (1–100000) und --seats (1–10000) als ganze Zahlen angeben")
        }
        guard let file = signature.tokens, !FileManager.default.fileExists(atPath: file) else {
            throw CommandFailure(description: "--tokens: bitte eine neue Datei angeben, in die die Tokens geschrieben werden")
        }
        let app = context.application
        let now = app.cohesion.clock.now()
        let hash = try app.password.hash(SecretGenerator.live.make())
        let (partID, tokens) = try await app.db.transaction { db in
            guard let programme = try await Programme.query(on: db).filter(\.$title == DemoData.programmeTitle).first() else {
                throw LoadData.MissingDemo()
            }
            let stamp = Int(now.timeIntervalSince1970)
            let edition = Edition(
                programmeID: try programme.requireID(), title: "Andrangsprobe \(stamp)",
                summary: "Synthetische Daten: viele Anmeldungen im selben Augenblick.")
            try await edition.create(on: db)
            let part = Part()
            part.$edition.id = try edition.requireID()
            part.number = 1
            part.title = "Andrang"
            part.focus = "Wenige Plätze, viele Anmeldungen"
            part.startsOn = BerlinTime.day(of: now).adding(days: 60)
            part.endsOn = part.startsOn.adding(days: 1)
            part.venueName = "Tagungsstätte"
            part.address = ""
            part.city = "Stuttgart"
            part.capacity = seats
            try await part.create(on: db)
            var tokens: [String] = []
            for index in 1...people {
                let user = User(
                    email: "andrang-\(stamp)-\(index)@skalenprobe.cohesion.example", name: "Person \(index) (Andrang)",
                    role: .participant, passwordHash: hash)
                try await user.create(on: db)
                try await EditionMember(editionID: try edition.requireID(), userID: try user.requireID()).create(on: db)
                tokens.append(try await APIToken.make(for: try user.requireID(), name: "Andrang", scope: .readWrite, days: 30, now: now, on: db))
            }
            return (try part.requireID(), tokens)
        }
        try (tokens.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        context.console.print("part\t\(partID.uuidString)")
    }
}
