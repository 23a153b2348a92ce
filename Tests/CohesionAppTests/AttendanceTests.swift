import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Attendance per unit")
struct AttendanceTests {
    static func registerAll(_ fixture: Fixture, on app: Application) async throws -> [User] {
        let participants = try await User.query(on: app.db).filter(\.$role == Role.participant).sort(\.$name).all()
        for user in participants.prefix(3) {
            _ = try await Registrations.register(
                userID: user.requireID(), partID: fixture.partID,
                answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                on: app.db)
        }
        return Array(participants.prefix(3))
    }

    @Test("the lead records present, absent and excused; the participant sees their own; the sign-in list lists everyone")
    func leadRecords() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let people = try await Self.registerAll(fixture, on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let sheet = SiteURL.attendance(.value(fixture.unitID)).path
            let page = try await lead.get(sheet).text
            #expect(page.contains("<legend>Anna Becker</legend>"))
            let saved = try await lead.post(
                sheet,
                [
                    ("status-" + people[0].id!.uuidString, "present"), ("status-" + people[1].id!.uuidString, "excused"),
                    ("status-" + people[2].id!.uuidString, ""),
                ])
            #expect(saved.location == sheet + "?hinweis=gespeichert")
            let records = try await Attendance.query(on: app.db).all()
            #expect(records.count == 2)
            #expect(try await lead.get(sheet).text.contains("value=\"present\" checked"))

            let list = try await lead.get(SiteURL.signInList(.value(fixture.unitID)).path).text
            #expect(list.contains("Unterschriftenliste: Integrationskonzepte und ihre Entwicklung"))
            #expect(people.allSatisfy { list.contains($0.name) })

            let account = try #require(fixture.accounts[.participant])
            #expect(account.email == people[0].email, "the demo's first participant is Anna Becker")
            var participant = Browser(app)
            try await participant.login(account)
            let own = try await participant.get(SiteURL.myProgramme.path).text
            #expect(own.contains("Meine Anwesenheit"))
            #expect(own.contains("<td>Integrationskonzepte und ihre Entwicklung</td><td>20.07.2023</td><td>anwesend</td>"))
        }
    }

    @Test("a long list comes a hundred to a page with a search; saving a page stores its people and leads back to it")
    func pagedSheet() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            _ = try await Self.registerAll(fixture, on: app)
            let registered = try await Fixture.participants(127, named: "Zuletzt Person %03d", mail: "seite", on: app)
            for (index, user) in registered.enumerated() {
                try await Fixture.register(user, for: fixture.partID, sequence: 101 + index, on: app)
            }
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let sheet = SiteURL.attendance(.value(fixture.unitID)).path
            func people(_ html: String) -> Int { html.components(separatedBy: "<legend>").count - 1 }

            let first = try await lead.get(sheet).text
            #expect(first.contains("130 Personen, hier 1 bis 100") && people(first) == 100)
            #expect(first.contains("Anwesenheit dieser Seite speichern") && first.contains("Seite 1 von 2"))
            let second = try await lead.get(sheet + "?seite=2").text
            #expect(second.contains("130 Personen, hier 101 bis 130") && people(second) == 30)
            #expect(second.contains("action=\"\(sheet)?seite=2\""), "the form posts to its page")

            let last = registered[registered.count - 1]
            let saved = try await lead.post(sheet + "?seite=2", [("status-" + last.id!.uuidString, "absent")])
            #expect(saved.location == sheet + "?seite=2&hinweis=gespeichert", "back to the page it was on")
            #expect(try await Attendance.query(on: app.db).filter(\.$user.$id == last.id!).first()?.status == .absent)
            #expect(try await Attendance.query(on: app.db).count() == 1, "only what the page sent")

            let found = try await lead.get(sheet + "?suche=person%20127").text
            #expect(found.contains("1 Person") && found.contains("<legend>Zuletzt Person 127") && people(found) == 1)
            #expect(found.contains("value=\"absent\" checked"))
            let saveFound = try await lead.post(sheet + "?suche=person%20127", [("status-" + last.id!.uuidString, "present")])
            #expect(saveFound.location == sheet + "?suche=person%20127&hinweis=gespeichert")
            let nobody = try await lead.get(sheet + "?suche=niemand-so").text
            #expect(nobody.contains("Niemand gefunden."))
        }
    }

    @Test("a status outside the list, or a person not registered, saves nothing")
    func refused() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let people = try await Self.registerAll(fixture, on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let sheet = SiteURL.attendance(.value(fixture.unitID)).path
            try await lead.get(sheet)
            let wrong = try await lead.post(sheet, [("status-" + people[0].id!.uuidString, "vielleicht")])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains("Unbekannter Stand für Anna Becker."))
            let stranger = try await lead.post(
                sheet,
                [
                    ("status-" + people[0].id!.uuidString, "present"),
                    ("status-" + fixture.facilitatorID.uuidString, "present"),
                ])
            #expect(stranger.text.contains("nicht angemeldet"))
            #expect(try await Attendance.query(on: app.db).count() == 0)
        }
    }

    @Test("a facilitator records their own units only")
    func facilitatorOwnUnitsOnly() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let people = try await Self.registerAll(fixture, on: app)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let own = SiteURL.attendance(.value(fixture.unitID)).path
            #expect(try await facilitator.get(own).status == .ok)
            #expect(try await facilitator.post(own, [("status-" + people[0].id!.uuidString, "absent")]).status == .seeOther)
            let singen = try #require(
                try await Unit.query(on: app.db).filter(\.$title == "Empowerment für Frauen mit Flucht- und Migrationsgeschichte").first())
            #expect(try await facilitator.get(SiteURL.attendance(.value(try singen.requireID())).path).status == .forbidden)
            #expect(
                try await facilitator.post(SiteURL.attendance(.value(try singen.requireID())).path, [("status-" + people[0].id!.uuidString, "absent")]).status
                    == .forbidden)
            #expect(try await Attendance.query(on: app.db).count() == 1)
        }
    }
}
