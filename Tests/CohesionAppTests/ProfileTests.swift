import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Participant profiles")
struct ProfileTests {
    static let complete: [(String, String)] = [
        ("municipality", "Konstanz, Universitätsstadt"), ("embedding", Embedding.staffUnit.rawValue), ("sharePercent", "50"),
        ("fixedTerm", "nein"), ("funding", "kommunale Mittel"), ("mandate", Mandate.councilResolution.rawValue),
        ("taskFields", TaskField.network.rawValue), ("taskFields", TaskField.integrationConcept.rawValue),
        ("fieldsOfAction", FieldOfAction.housing.rawValue), ("inPostSince", "2021-09"),
    ]

    @Test("a participant sets municipality and position; Mein Programm and the lead's list show them")
    func ownProfile() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(SiteURL.profile.path)
            let saved = try await participant.post(SiteURL.profile.path, Self.complete)
            #expect(saved.location == "/mein-programm?hinweis=gespeichert")
            let home = try await participant.get(SiteURL.myProgramme.path).text
            #expect(home.contains("Konstanz, Universitätsstadt</a></dd><dt>Art</dt><dd>Große Kreisstadt</dd>"))
            #expect(home.contains("<dt>Kreis</dt><dd>Landkreis Konstanz</dd>"), "the municipality as people know it, with its Kreis")
            #expect(home.contains("Stabsstelle bei der Verwaltungsspitze"))
            let profile = try #require(try await Profile.query(on: app.db).first())
            #expect(profile.regionKey == "08335043")
            #expect(profile.taskFields == "network,integrationConcept")
            #expect(profile.inPostSince == "2021-09")
            let form = try await participant.get(SiteURL.profile.path).text
            #expect(form.contains("value=\"network\" checked"))

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let list = try await lead.get(AdminURL.participants.path).text
            #expect(list.contains("Konstanz, Universitätsstadt"))
            #expect(list.contains("noch nicht angegeben"))
        }
    }

    @Test("wrong input is explained per field, the typed values stay, and nothing is saved")
    func validation() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(SiteURL.profile.path)
            var wrong = Self.complete
            wrong[0] = ("municipality", "Atlantis")
            wrong[2] = ("sharePercent", "150")
            wrong[9] = ("inPostSince", "2999-01")
            let refused = try await participant.post(SiteURL.profile.path, wrong)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Keine Kommune heißt „Atlantis“."))
            #expect(refused.text.contains("Bitte den Stellenanteil in Prozent angeben (1 bis 100)."))
            #expect(refused.text.contains("nicht in der Zukunft"))
            #expect(refused.text.contains("value=\"Atlantis\""))
            #expect(refused.text.contains("value=\"kommunale Mittel\""))
            #expect(try await Profile.query(on: app.db).count() == 0)
        }
    }

    @Test("the municipality is found by key, by the start of its name, or asked for when ambiguous")
    func lookup() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            let sql = app.db as! any SQLDatabase
            guard case .found(let byKey) = try await RegionLookup.resolve("08335", on: sql) else { Issue.record("key"); return }
            #expect(byKey.name == "Konstanz")
            guard case .problem(let ambiguous) = try await RegionLookup.resolve("konst", on: sql) else { Issue.record("ambiguous"); return }
            #expect(ambiguous.hasPrefix("Mehrere Kommunen passen: "))
            let label = "Konstanz, Universitätsstadt (Landkreis Konstanz, Baden-Württemberg)"
            #expect(ambiguous.contains(label), "asked back with Kreis and Land")
            guard case .found(let chosen) = try await RegionLookup.resolve(label, on: sql) else { Issue.record("label"); return }
            #expect(chosen.key == "08335043", "the label offered resolves to exactly that municipality")
            guard case .found(let exact) = try await RegionLookup.resolve("konstanz", on: sql) else { Issue.record("exact"); return }
            #expect(exact.key == "08335", "an exact name wins over names that only start with it")
            guard case .problem = try await RegionLookup.resolve("08", on: sql) else { Issue.record("a Land is no municipality"); return }
        }
    }

    @Test("the lead edits a participant's profile; other roles' ids are not profiles")
    func leadEdits() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let participant = try #require(try await User.query(on: app.db).filter(\.$email == "a.becker@demo.cohesion.example").first())
            try await lead.get(AdminURL.profile(.value(try participant.requireID())).path)
            let saved = try await lead.post(AdminURL.profile(.value(try participant.requireID())).path, Self.complete)
            #expect(saved.location == AdminURL.participants.path + "?hinweis=gespeichert")
            #expect(try await Profile.query(on: app.db).filter(\.$user.$id == participant.requireID()).count() == 1)
            #expect(try await lead.get(AdminURL.profile(.value(fixture.facilitatorID)).path).status == .notFound)
        }
    }
}
