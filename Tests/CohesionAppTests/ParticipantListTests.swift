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

    @Test(
        "a long list comes a hundred to a page with its place in the whole; the search finds names in any case, addresses and municipalities, and pages keep it"
    )
    func pagesAndSearch() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            _ = try await Self.prepare(fixture, on: app)
            _ = try await Fixture.participants(230, named: "Listenperson %03d", mail: "liste", on: app)
            let hash = try app.password.hash("seitenweise-2026")
            try await User(email: "a.oezdemir@kommune.example", name: "Aylin Özdemir", role: .participant, passwordHash: hash).create(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            func rows(_ html: String) -> Int { html.components(separatedBy: ": Profil von ").count - 1 }

            let first = try await lead.get(AdminURL.participants.path).text
            #expect(first.contains("241 Personen, hier 1 bis 100"))
            #expect(rows(first) == 100)
            #expect(first.contains("Seite 1 von 3") && first.contains("?seite=2\" rel=\"next\""))
            let last = try await lead.get(AdminURL.participants.path + "?seite=3").text
            #expect(last.contains("241 Personen, hier 201 bis 241") && rows(last) == 41)
            #expect(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""))
            let beyond = try await lead.get(AdminURL.participants.path + "?seite=40").text
            #expect(beyond.contains("Seite 3 von 3") && rows(beyond) == 41, "a page beyond the list shows its last page")

            let named = try await lead.get(AdminURL.participants.path + "?suche=listenperson%2015").text
            #expect(named.contains("10 Personen") && named.contains("Listenperson 150") && !named.contains("Listenperson 016"))
            #expect(named.contains("value=\"listenperson 15\""), "the search stays in its field")
            let umlaut = try await lead.get(AdminURL.participants.path + "?suche=%C3%B6zdemir").text
            #expect(umlaut.contains("1 Person") && umlaut.contains("Aylin Özdemir"), "lower case finds a capital umlaut")
            let address = try await lead.get(AdminURL.participants.path + "?suche=liste-23%40").text
            #expect(address.contains("1 Person") && address.contains("Listenperson 023"))
            let municipality = try await lead.get(AdminURL.participants.path + "?suche=KONSTANZ").text
            #expect(municipality.contains("2 Personen"))
            let wildcard = try await lead.get(AdminURL.participants.path + "?suche=%25").text
            #expect(wildcard.contains("Keine Teilnehmer*innen für diese Auswahl."), "a percent sign is a character, not a wildcard")

            let paged = try await lead.get(AdminURL.participants.path + "?suche=listenperson").text
            #expect(paged.contains("230 Personen, hier 1 bis 100") && paged.contains("?suche=listenperson&amp;seite=2"))
            #expect(paged.contains("teilnehmende.csv?suche=listenperson"), "the export takes the search, on every page")
            let export = try await lead.get(AdminURL.participantExport.path + "?suche=listenperson")
            #expect(String(buffer: export.body).components(separatedBy: "\r\n").count == 232, "heading, 230 rows and the final line end")
        }
    }

    @Test("an export longer than one read comes whole: every person once, in name order, with the filter")
    func exportAcrossPages() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let count = CSVDownload.pageSize * 2 + 17
            _ = try await Fixture.participants(count, named: "Exportperson %05d", mail: "export", on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let export = try await lead.get(AdminURL.participantExport.path + "?suche=exportperson&seite=3")
            #expect(export.status == .ok && export.headers.first(name: .contentType) == "text/csv; charset=utf-8")
            let lines = String(buffer: export.body).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            let names = lines.map { $0.components(separatedBy: ";")[0] }
            #expect(names == (1...count).map { String(format: "Exportperson %05d", $0) }, "each once, in order; the page number is ignored")
            let everyone = try await lead.get(AdminURL.participantExport.path)
            let all = String(buffer: everyone.body).components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
            let participants = try await User.query(on: app.db).filter(\.$role == .participant).count()
            #expect(all.count == participants && participants > count, "the demo's participants and these")
        }
    }
}
