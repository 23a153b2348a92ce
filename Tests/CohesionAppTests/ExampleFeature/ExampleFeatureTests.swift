import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// A feature added as the guide says (docs/adding-a-feature.md): its folder (`ExampleFeature/`),
/// one line where the features are listed and its migration at the end of the list (here, the
/// catalog below), and its tests. Nothing else is edited, and all of it works: route and rule,
/// navigation, a link on Mein Konto, notice, audit area, stylesheet, command, personal data, and
/// a derived table that a restore rebuilds instead of copying.
@Suite("Adding a feature")
struct ExampleFeatureTests {
    static let catalog = FeatureCatalog(Features.all + [ExampleNotesFeature.self], migrations: Migrations.all + [CreateExampleNotes()])

    @Test("the example feature's route, rule, navigation, link, notice, audit area, stylesheet, command and privacy entry all take effect")
    func manifestTakesEffect() async throws {
        try await withApp(features: Self.catalog) { app, _ in
            let fixture = try await Fixture.load(app)
            var visitor = Browser(app)
            let anonymous = try await visitor.get(SiteURL.exampleNotes.path)
            #expect(anonymous.status == .seeOther && (anonymous.location ?? "").hasPrefix(SiteURL.login.path), "the rule sends visitors to sign in")

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let empty = try await participant.get(SiteURL.exampleNotes.path)
            #expect(empty.status == .ok && empty.text.contains(#"href="/beispiel-notizen""#), "its entry in the navigation")
            let invalid = try await participant.post(SiteURL.exampleNotes.path, [("text", "  ")])
            #expect(invalid.status == .unprocessableEntity && invalid.text.contains("Bitte eine Notiz angeben."))
            let saved = try await participant.post(SiteURL.exampleNotes.path, [("text", "Treffen mit dem Jobcenter vorbereiten")])
            let location = try #require(saved.location)
            let page = try await participant.get(location)
            #expect(page.text.contains("Die Notiz ist gespeichert.") && page.text.contains("Treffen mit dem Jobcenter vorbereiten"))
            #expect(try await participant.get(SiteURL.account.path).text.contains("Meine Notizen"), "its link on Mein Konto")

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            #expect(try await lead.get(SiteURL.exampleNotes.path).status == .forbidden)

            #expect(app.asyncCommands.commands["example-notes-count"] != nil)
            #expect(Self.catalog.stylesheet.contains(".example-note {") && !FeatureCatalog.cohesion.stylesheet.contains(".example-note"))
            #expect(Self.catalog.auditAction(named: "example-note")?.label == "Beispielnotizen")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == .exampleNote).count()
            #expect(entries == 1)
            #expect(Self.catalog.personalData.contains { $0.table == ExampleNote.schema })
            let privacy = try await visitor.get(SiteURL.legal(.privacy).path)
            #expect(privacy.text.contains("eigene Notizen zwischen den Teilen"), "the privacy statement lists what it keeps")
        }
    }

    @Test("a backup leaves the derived word index out and the restore rebuilds it from the notes")
    func derivedTableIsRebuilt() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-example-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withApp(features: Self.catalog) { source, _ in
            let fixture = try await Fixture.load(source)
            let note = ExampleNote(userID: fixture.participantID, text: "Netzwerk der Ehrenamtlichen stärken")
            try await note.create(on: source.db)
            try await ExampleNote.index(try note.requireID(), text: note.text, on: source.sql)
            _ = try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: Self.catalog.dumpTreatments)
            let file = try String(contentsOfFile: path, encoding: .utf8)
            #expect(file.contains(#""table":"example_notes""#) && !file.contains(#""table":"example_note_words""#))

            try await withApp(features: Self.catalog) { target, _ in
                _ = try await SiteDump.read(path, into: target.db, treatments: Self.catalog.dumpTreatments)
                struct Row: Decodable { let word: String }
                let words = try await target.sql.raw("SELECT word FROM example_note_words ORDER BY word").all(decoding: Row.self).map(\.word)
                #expect(words == ["der", "ehrenamtlichen", "netzwerk", "stärken"])
            }
        }
    }
}
