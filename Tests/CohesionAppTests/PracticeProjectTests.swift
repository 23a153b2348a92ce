import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Practice projects")
struct PracticeProjectTests {
    @Test("a participant sets a project at the end of a part, reports on it, and the lead sees the cohort's state")
    func setAndReport() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(SiteURL.projects.path)
            let early = try await participant.post(
                SiteURL.projects.path,
                [
                    ("partID", fixture.firstPartID.uuidString), ("goal", "Netzwerktreffen"),
                    ("firstSteps", "Akteure einladen"), ("dueOn", "2022-11-01"),
                ])
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("Das Datum muss nach dem Ende des Teils liegen (11.11.2022)."))
            #expect(early.text.contains(">Akteure einladen</textarea>"))
            #expect(try await PracticeProject.query(on: app.db).count() == 0)
            let saved = try await participant.post(
                SiteURL.projects.path,
                [
                    ("partID", fixture.firstPartID.uuidString), ("goal", "Netzwerktreffen"),
                    ("firstSteps", "Akteure einladen"), ("dueOn", "15.03.2023"),
                ])
            #expect(saved.status == .seeOther)
            let project = try #require(try await PracticeProject.query(on: app.db).first())
            #expect(project.dueOn == "2023-03-15")
            let path = SiteURL.project(.value(try project.requireID())).path
            try await participant.get(path)
            #expect(try await participant.post(path, [("outcome", "")]).text.contains("Bitte den Stand wählen."))
            #expect(
                try await participant.post(path, [("outcome", "partly"), ("helped", "Rückhalt der Bürgermeisterin"), ("hindered", "Zeit")]).status == .seeOther)
            #expect(try await PracticeProject.find(project.requireID(), on: app.db)?.outcome == .partly)

            var other = Browser(app)
            let someone = try #require(try await User.query(on: app.db).filter(\.$email == "f.mueller@demo.cohesion.example").first())
            someone.passwordHash = try app.password.hash("ein-anderes-passwort")
            try await someone.save(on: app.db)
            try await other.login(email: someone.email, password: "ein-anderes-passwort")
            #expect(try await other.get(path).status == .forbidden, "another participant's project is refused")

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let cohort = try await lead.get(AdminURL.cohortProjects(.value(fixture.editionID)).path).text
            #expect(cohort.contains("<dt>teilweise umgesetzt</dt><dd>1</dd>"))
            #expect(cohort.contains("Netzwerktreffen"))
        }
    }
}
