import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The lead edits the programme's structure")
struct StructureEditingTests {
    static func unitForm(
        title: String, day: String = "2023-07-21", start: String = "15:00", end: String = "16:30",
        room: String = "Seminarraum 1", extra: [(String, String)] = []
    ) -> [(String, String)] {
        [
            ("title", title), ("day", day), ("startTime", start), ("endTime", end), ("room", room),
            ("format", UnitFormat.workshop.rawValue), ("moduleID", ""), ("description", ""), ("objectives", ""),
        ] + extra
    }

    @Test("an edited unit shows on the public timetable")
    func editUnitShowsPublicly() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.edit(.unit, .value(fixture.unitID)).path)
            let saved = try await lead.post(
                AdminURL.edit(.unit, .value(fixture.unitID)).path,
                Self.unitForm(
                    title: "Integrationskonzepte im Wandel", day: "2023-07-20", start: "10:15", end: "12:00",
                    extra: [("competenceAreaIDs", fixture.areaID.uuidString), ("facilitatorIDs", fixture.facilitatorID.uuidString)]))
            #expect(saved.status == .seeOther)
            #expect(saved.location == AdminURL.part(.value(fixture.partID)).path + "?hinweis=gespeichert")
            var visitor = Browser(app)
            let page = try await visitor.get(SiteURL.part(.value(fixture.partID)).path)
            #expect(page.text.contains("Integrationskonzepte im Wandel"))
            #expect(page.text.contains(">10:15</time>–<time"))
            #expect(page.text.contains("Donnerstag, 20. Juli 2023"))
            #expect(page.text.contains("mit Leyla Demir"))
            let areas = try await UnitCompetenceArea.query(on: app.db).filter(\.$unit.$id == fixture.unitID).all()
            #expect(areas.map(\.$competenceArea.id) == [fixture.areaID])
        }
    }

    @Test("a unit outside its part, ending before it starts, or in a taken room is refused in German, keeps what was typed and saves nothing")
    func unitValidation() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let create = AdminURL.create(.unit, parent: .value(fixture.partID)).path
            try await lead.get(AdminURL.new(.unit, parent: .value(fixture.partID)).path)
            let before = try await Unit.query(on: app.db).count()

            let outside = try await lead.post(create, Self.unitForm(title: "Exkursion <Singen>", day: "2023-07-25"))
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.text.contains("Die Einheit muss an einem Tag des Teils liegen (20.–21. Juli 2023)."))
            #expect(outside.text.contains("value=\"Exkursion &lt;Singen&gt;\""))
            #expect(outside.text.contains("Bitte prüfen Sie Ihre Eingaben"))

            let backwards = try await lead.post(create, Self.unitForm(title: "Rückwärts", start: "16:00", end: "15:00"))
            #expect(backwards.text.contains("Das Ende muss nach dem Beginn liegen."))

            let clash = try await lead.post(create, Self.unitForm(title: "Doppelt", start: "10:00", end: "11:00"))
            #expect(clash.text.contains("Der Raum ist zu dieser Zeit schon belegt: „Mandate und Grenzen von Integrationsbeauftragten“, 09:30–11:30 Uhr."))

            let missing = try await lead.post(create, [("title", "  "), ("day", ""), ("format", "")])
            #expect(missing.text.contains("Bitte einen Titel angeben."))
            #expect(missing.text.contains("Bitte ein Format wählen."))
            #expect(try await Unit.query(on: app.db).count() == before)

            let created = try await lead.post(create, Self.unitForm(title: "Abschlussrunde"))
            #expect(created.status == .seeOther)
            #expect(try await Unit.query(on: app.db).count() == before + 1)
        }
    }

    @Test("a part with wrong dates or capacity is refused next to the field and nothing is saved")
    func partValidation() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.new(.part, parent: .value(fixture.editionID)).path)
            let form: [(String, String)] = [
                ("number", "3"), ("title", "Netzwerke"), ("focus", ""), ("startsOn", "2023-11-17"),
                ("endsOn", "2023-11-16"), ("venueName", "Rathaus"), ("address", ""), ("city", "Freiburg"),
                ("capacity", "viele"),
            ]
            let refused = try await lead.post(AdminURL.create(.part, parent: .value(fixture.editionID)).path, form)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Der letzte Tag darf nicht vor dem ersten Tag liegen."))
            #expect(refused.text.contains("Bitte eine Zahl von 1 bis 10000 angeben."))
            #expect(refused.text.contains("value=\"viele\""))
            #expect(refused.text.contains("aria-invalid=\"true\""))
            #expect(try await Part.query(on: app.db).count() == 2)

            var fixed = form
            fixed[4] = ("endsOn", "18.11.2023")
            fixed[8] = ("capacity", "12")
            let saved = try await lead.post(AdminURL.create(.part, parent: .value(fixture.editionID)).path, fixed)
            #expect(saved.status == .seeOther)
            let part = try #require(try await Part.query(on: app.db).filter(\.$number == 3).first())
            #expect(part.endsOn == CalendarDay(year: 2023, month: 11, day: 18))
            var visitor = Browser(app)
            #expect(try await visitor.get(SiteURL.part(.value(part.requireID())).path).text.contains("17.–18. November 2023"))
        }
    }

    @Test("a part cannot be moved away from its units")
    func partKeepsUnits() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let edit = AdminURL.edit(.part, .value(fixture.partID)).path
            try await lead.get(edit)
            let refused = try await lead.post(
                edit,
                [
                    ("number", "2"), ("title", "Teil"), ("startsOn", "2023-07-20"), ("endsOn", "2023-07-20"),
                    ("venueName", "Kulturzentrum am Münster"), ("city", "Konstanz"), ("capacity", "14"),
                ])
            #expect(refused.text.contains("2 Einheiten liegen außerhalb dieser Tage."))
            #expect(try await Part.find(fixture.partID, on: app.db)?.endsOn == CalendarDay(year: 2023, month: 7, day: 21))
        }
    }

    @Test("deleting a part says what goes with it, asks first, and then removes its units")
    func deletePart() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            _ = try await Registrations.register(
                userID: fixture.participantID, partID: fixture.partID,
                answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true),
                on: app.db)
            let confirm = try await lead.get(AdminURL.delete(.part, .value(fixture.partID)).path)
            #expect(confirm.text.contains("Sie sind dabei, den Teil „Fachkenntnisse und Empowerment“ zu löschen."))
            #expect(confirm.text.contains("<li>1 Anmeldung</li>"), "registrations that would go are named too")
            #expect(confirm.text.contains("4 Einheiten mit ihren Zuordnungen"))
            #expect(try await Part.find(fixture.partID, on: app.db) != nil, "asking changes nothing")
            let deleted = try await lead.post(AdminURL.delete(.part, .value(fixture.partID)).path)
            #expect(deleted.location == AdminURL.edition(.value(fixture.editionID)).path + "?hinweis=geloescht")
            #expect(try await Part.find(fixture.partID, on: app.db) == nil)
            #expect(try await Unit.query(on: app.db).filter(\.$part.$id == fixture.partID).count() == 0)
            #expect(try await UnitFacilitator.query(on: app.db).count() == 2, "only the assignments of Part 1 remain")
        }
    }

    @Test("deleting a module keeps its units, unassigned")
    func deleteModule() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let confirm = try await lead.get(AdminURL.delete(.module, .value(fixture.moduleID)).path)
            #expect(confirm.text.contains("2 Einheiten verlieren ihre Zuordnung zu diesem Modul"))
            try await lead.post(AdminURL.delete(.module, .value(fixture.moduleID)).path)
            #expect(try await Unit.query(on: app.db).count() == 7)
            #expect(try await Unit.query(on: app.db).filter(\.$module.$id == fixture.moduleID).count() == 0)
        }
    }

    @Test("programmes, editions, modules and competence areas are created and edited through forms")
    func simpleResources() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.new(.programme, parent: nil).path)
            let empty = try await lead.post(AdminURL.create(.programme, parent: nil).path, [("title", ""), ("summary", "Nur Text")])
            #expect(empty.text.contains("Bitte einen Titel angeben."))
            #expect(empty.text.contains(">Nur Text</textarea>"))
            #expect(try await lead.post(AdminURL.create(.programme, parent: nil).path, [("title", "Zweites Programm"), ("summary", "")]).status == .seeOther)
            let edition = try await lead.post(
                AdminURL.create(.edition, parent: .value(fixture.programmeID)).path,
                [("title", "Durchlauf 2024/25"), ("summary", "")])
            #expect(edition.status == .seeOther)
            let area = try await lead.post(AdminURL.edit(.competenceArea, .value(fixture.areaID)).path, [("title", "Rolle und Mandat"), ("position", "0")])
            #expect(area.text.contains("Bitte eine Zahl von 1 bis 999 angeben."))
            let module = try await lead.post(
                AdminURL.edit(.module, .value(fixture.moduleID)).path,
                [("code", "I"), ("title", "Struktur und Mandat"), ("position", "1")])
            #expect(module.status == .seeOther)
            var visitor = Browser(app)
            let home = try await visitor.get("/")
            #expect(home.text.contains("Zweites Programm"))
            #expect(home.text.contains("Durchlauf 2024/25"))
            #expect(home.text.contains("Modul I: Struktur und Mandat"))
        }
    }

    @Test("an unknown or malformed id is a German 404")
    func notFound() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let unknown = try await lead.get(AdminURL.edit(.unit, .value(UUID())).path)
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("Seite nicht gefunden"))
            #expect(try await lead.get("/verwaltung/einheiten/kein-uuid/bearbeiten").status == .notFound)
            #expect(try await lead.get(AdminURL.new(.unit, parent: .value(UUID())).path).status == .notFound)
        }
    }
}
