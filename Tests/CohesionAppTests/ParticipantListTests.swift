import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The lead's participant list and export")
struct ParticipantListTests {
    /// Two participants with profiles in Konstanz, one registered for Part 2 and one on its waitlist.
    static func prepare(_ fixture: Fixture, on app: Application) async throws -> [User] {
        let people = try await User.query(on: app.db).filter(\.$role == Role.participant).sort(\.$name).all()
        var values = FormValues([
            "municipality": "08335043", "embedding": Embedding.staffUnit.rawValue, "sharePercent": "50",
            "mandate": Mandate.none.rawValue,
        ])
        _ = try await ProfileForm.save(values, for: people[0].requireID(), today: CalendarDay(year: 2026, month: 1, day: 1), on: app.db)
        values["municipality"] = "08335"
        _ = try await ProfileForm.save(values, for: people[1].requireID(), today: CalendarDay(year: 2026, month: 1, day: 1), on: app.db)
        let part = try #require(try await Part.find(fixture.partID, on: app.db))
        part.capacity = 1
        try await part.save(on: app.db)
        let answers = VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true)
        for user in people.prefix(2) {
            _ = try await Registrations.register(userID: user.requireID(), partID: fixture.partID, answers: answers, on: app.db)
        }
        return people
    }

    @Test("filters by part and status, kind of municipality and Kreis")
    func filters() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let people = try await Self.prepare(fixture, on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let all = try await lead.get(AdminURL.participants.path).text
            #expect(all.contains("10 Personen"))
            let waiting = try await lead.get(AdminURL.participants.path + "?teil=\(fixture.partID)&stand=waitlisted").text
            #expect(waiting.contains("1 Person"))
            #expect(waiting.contains(people[1].name) && !waiting.contains("<td>\(people[0].name)</td>"))
            let none = try await lead.get(AdminURL.participants.path + "?teil=\(fixture.partID)&stand=none").text
            #expect(none.contains("8 Personen"))
            let cities = try await lead.get(AdminURL.participants.path + "?art=Gro%C3%9Fe%20Kreisstadt").text
            #expect(cities.contains("1 Person"))
            let kreis = try await lead.get(AdminURL.participants.path + "?kreis=08335").text
            #expect(kreis.contains("2 Personen"))
            #expect(kreis.contains("value=\"08335\" selected"))
        }
    }

    @Test("the export is UTF-8 with BOM, ';'-separated, filtered like the page")
    func export() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            _ = try await Self.prepare(fixture, on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let response = try await lead.get(AdminURL.participantExport.path + "?teil=\(fixture.partID)&stand=registered")
            #expect(response.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let bytes = Array(response.body.readableBytesView)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let lines = String(decoding: bytes.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
            #expect(lines[0] == "Name;E-Mail;Kommune;Gemeindeschlüssel;Art der Kommune;Kreis;Anbindung der Stelle;Stellenanteil (%);Anmeldung")
            #expect(lines[1].hasPrefix("Anna Becker;a.becker@demo.cohesion.example;Konstanz, Universitätsstadt;08335043;Große Kreisstadt;Landkreis Konstanz;"))
            #expect(lines[1].hasSuffix(";50;angemeldet"))
            #expect(lines.count == 3, "one row and the final line end")
        }
    }
}
