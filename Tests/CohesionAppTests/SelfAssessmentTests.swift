import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Self-assessment")
struct SelfAssessmentTests {
    static func openPre(_ fixture: Fixture, lead: inout Browser) async throws {
        try await lead.get(AdminURL.phases(.value(fixture.editionID)).path)
        let created = try await lead.post(AdminURL.phases(.value(fixture.editionID)).path, [("code", "pre"), ("retrospective", "ja")])
        #expect(created.status == .seeOther)
    }

    @Test("the lead opens a phase; a participant rates every area, sees the course as chart and table; a closed phase takes no answers")
    func rateAndSee() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await Self.openPre(fixture, lead: &lead)
            let duplicate = try await lead.post(AdminURL.phases(.value(fixture.editionID)).path, [("code", "pre")])
            #expect(duplicate.text.contains("„Vorher (vor Teil 1)“ gibt es in diesem Durchlauf schon."))
            let phase = try #require(try await AssessmentPhase.query(on: app.db).first())
            let areas = try await CompetenceArea.query(on: app.db).sort(\.$position).all()

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.assessments.path).text.contains("Vorher (vor Teil 1) – Prototyp-Durchlauf 2022/23"))
            let path = SiteURL.assessment(.value(try phase.requireID())).path
            try await participant.get(path)
            var answers = areas.prefix(3).flatMap { area in [(area.id!.uuidString + "-level", "2"), (area.id!.uuidString + "-need", "4")] }
            let incomplete = try await participant.post(path, answers + [(areas[0].id!.uuidString + "-note", "Netzwerk fehlt")])
            #expect(incomplete.status == .unprocessableEntity)
            #expect(incomplete.text.contains("Bitte Ihren Stand von 1 bis 5 wählen."))
            #expect(incomplete.text.contains("value=\"Netzwerk fehlt\""))
            #expect(try await SelfAssessment.query(on: app.db).count() == 0)
            answers = areas.flatMap { area in [(area.id!.uuidString + "-level", "2"), (area.id!.uuidString + "-need", "4")] }
            #expect(try await participant.post(path, answers + [(areas[0].id!.uuidString + "-retro", "1")]).status == .seeOther)
            #expect(try await SelfAssessment.query(on: app.db).count() == areas.count)
            #expect(try await SelfAssessment.query(on: app.db).filter(\.$retrospectiveLevel == 1).count() == 1)

            let overview = try await participant.get(SiteURL.assessments.path).text
            #expect(overview.contains("<svg viewBox="))
            #expect(overview.contains("role=\"img\""))
            #expect(overview.contains("<td>2 / 4</td>"))
            // Every need (4) is two points above the level (2): units covering the first areas are recommended.
            #expect(overview.contains("Empfehlungen für Sie"))
            #expect(overview.contains("liegt 2 Punkte über Ihrem Stand (2); diese Einheit behandelt das Feld."))
            #expect(try await lead.get(AdminURL.phases(.value(fixture.editionID)).path).text.contains("<td>geöffnet</td><td>1</td>"))

            #expect(try await lead.post(AdminURL.togglePhase(.value(try phase.requireID())).path).status == .seeOther)
            #expect(try await participant.get(path).status == .forbidden)
            #expect(try await participant.post(path, answers).status == .forbidden)
        }
    }

    @Test("people outside the edition cannot answer")
    func outsiders() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await Self.openPre(fixture, lead: &lead)
            let phase = try #require(try await AssessmentPhase.query(on: app.db).first())
            let outsider = User(email: "aussen@example.org", name: "Außen", role: .participant, passwordHash: try app.password.hash("geheimes-passwort"))
            try await outsider.create(on: app.db)
            var browser = Browser(app)
            try await browser.login(email: "aussen@example.org", password: "geheimes-passwort")
            #expect(try await browser.get(SiteURL.assessment(.value(try phase.requireID())).path).status == .forbidden)
            #expect(try await browser.get(SiteURL.assessments.path).text.contains("Zurzeit ist keine Einschätzung geöffnet."))
        }
    }
}
