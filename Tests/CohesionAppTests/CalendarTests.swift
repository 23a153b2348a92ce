import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Calendar feeds")
struct CalendarTests {
    static func count(_ text: String, _ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }

    @Test("each part has a public .ics with its units in Berlin time and the zone's definition")
    func partFeed() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let response = try await app.testing().sendRequest(.GET, SiteURL.partCalendar(.value(fixture.partID)).path)
            #expect(response.status == .ok)
            #expect(response.headers.first(name: .contentType) == "text/calendar; charset=utf-8")
            #expect(Self.count(response.text, "BEGIN:VEVENT") == 4)
            #expect(response.text.contains("UID:\(fixture.unitID.uuidString.lowercased())@cohesion"))
            #expect(response.text.contains("DTSTART;TZID=Europe/Berlin:20230720T100000"))
            let unfolded = response.text.replacingOccurrences(of: "\r\n ", with: "")
            #expect(unfolded.contains("LOCATION:Seminarraum 1\\, Kulturzentrum am Münster\\, Wessenbergstraße 43\\, Konstanz"))
            #expect(response.text.contains("BEGIN:VTIMEZONE"))
        }
    }

    @Test("a participant's private feed holds the parts they are registered for; a renewed token ends the old one")
    func personalFeed() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let home = try await participant.get(SiteURL.myProgramme.path).text
            let feed = try #require(try await CalendarFeed.query(on: app.db).filter(\.$user.$id == fixture.participantID).first())
            let path = SiteURL.personalCalendar(.value(feed.token + ".ics")).path
            #expect(home.contains("http://127.0.0.1:8080" + path))
            #expect(Self.count(try await app.testing().sendRequest(.GET, path).text, "BEGIN:VEVENT") == 0)

            _ = try await Registrations.register(
                userID: fixture.participantID, partID: fixture.partID,
                answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                on: app.db)
            let withPart = try await app.testing().sendRequest(.GET, path)
            #expect(Self.count(withPart.text, "BEGIN:VEVENT") == 4)
            #expect(withPart.text.contains("X-WR-CALNAME:Mein Fortbildungsprogramm"))

            #expect(try await participant.post(SiteURL.renewCalendar.path).location == "/mein-programm?hinweis=kalender-erneuert")
            #expect(try await app.testing().sendRequest(.GET, path).status == .notFound)
            let renewed = try #require(try await CalendarFeed.query(on: app.db).filter(\.$user.$id == fixture.participantID).first())
            #expect(try await app.testing().sendRequest(.GET, SiteURL.personalCalendar(.value(renewed.token + ".ics")).path).status == .ok)
            #expect(try await app.testing().sendRequest(.GET, "/kalender/erraten.ics").status == .notFound)
        }
    }

    @Test("an edited unit keeps its UID and gets a higher SEQUENCE")
    func editKeepsIdentity() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.edit(.unit, .value(fixture.unitID)).path)
            let saved = try await lead.post(
                AdminURL.edit(.unit, .value(fixture.unitID)).path,
                StructureEditingTests.unitForm(
                    title: "Integrationskonzepte neu gedacht", day: "2023-07-20", start: "10:30", end: "12:00"))
            #expect(saved.status == .seeOther)
            let text = try await app.testing().sendRequest(.GET, SiteURL.partCalendar(.value(fixture.partID)).path).text
            #expect(text.contains("UID:\(fixture.unitID.uuidString.lowercased())@cohesion\r\nSEQUENCE:1\r\n"))
            #expect(text.contains("SUMMARY:Integrationskonzepte neu gedacht"))
            #expect(text.contains("DTSTART;TZID=Europe/Berlin:20230720T103000"))
        }
    }
}
