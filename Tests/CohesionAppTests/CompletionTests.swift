import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Completion of an edition")
struct CompletionTests {
    @Test("the lead sees who completed under the rule, changes the rule, and grants an exception with its reason")
    func leadManagesCompletion() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let path = AdminURL.completion(.value(fixture.editionID)).path
            // The demo's last officer missed every unit, the one before was excused from all.
            let page = try await lead.get(path).text
            #expect(page.contains("9 von 10 Teilnehmer*innen haben den Durchlauf abgeschlossen."))
            #expect(page.contains("fehlt: Teil 1 nicht besucht, Teil 2 nicht besucht, Anwesenheit 0 % (nötig: 80 %)"))

            let parts = try await Part.query(on: app.db).filter(\.$edition.$id == fixture.editionID).all().map { try $0.requireID().uuidString }
            let invalid = try await lead.post(path, [("minimumAttendancePercent", "120")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("Bitte mindestens einen Teil wählen.") && invalid.text.contains("Bitte eine ganze Zahl von 0 bis 100 angeben."))
            #expect(invalid.text.contains("value=\"120\""), "the form keeps what was typed")
            #expect(try await CompletionRuleRecord.query(on: app.db).count() == 0)

            // Excused absences no longer count.
            _ = try await lead.post(path, parts.map { ("requiredParts", $0) } + [("minimumAttendancePercent", "80")])
            #expect(try await lead.get(path).text.contains("8 von 10 Teilnehmer*innen haben den Durchlauf abgeschlossen."))

            let felix = try #require(try await User.query(on: app.db).filter(\.$email == "f.mueller@demo.cohesion.example").first()).requireID()
            let missingReason = try await lead.post(
                AdminURL.completionExceptions(.value(fixture.editionID)).path,
                [("userID", felix.uuidString), ("reason", "")])
            #expect(missingReason.status == .unprocessableEntity && missingReason.text.contains("Bitte den Grund für die Ausnahme angeben."))
            _ = try await lead.post(
                AdminURL.completionExceptions(.value(fixture.editionID)).path,
                [("userID", felix.uuidString), ("reason", "Teilnahme an der Nachholgruppe 2024")])
            let after = try await lead.get(path).text
            #expect(after.contains("9 von 10 Teilnehmer*innen haben den Durchlauf abgeschlossen."))
            #expect(after.contains("abgeschlossen als Ausnahme (Teilnahme an der Nachholgruppe 2024); fehlte: Teil 1 nicht besucht"))
            let exception = try #require(try await CompletionException.query(on: app.db).first())
            #expect(exception.$grantedBy.id != felix && exception.reason == "Teilnahme an der Nachholgruppe 2024")
        }
    }

    @Test("a long edition a hundred to a page with a search; a refused exception shows on its row's page; a granted one shows at once")
    func pagedList() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let added = try await Fixture.participants(120, named: "Zz Person %03d", mail: "abschluss", memberOf: fixture.editionID, on: app)
                .map { try $0.requireID() }
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let path = AdminURL.completion(.value(fixture.editionID)).path
            func rows(_ html: String) -> Int { html.components(separatedBy: "<th scope=\"row\"").count - 1 }

            let first = try await lead.get(path).text
            #expect(first.contains("9 von 130 Teilnehmer*innen haben den Durchlauf abgeschlossen."), "the count is over everyone")
            #expect(first.contains("130 Personen, hier 1 bis 100") && first.contains("Seite 1 von 2"))
            let second = try await lead.get(path + "?seite=2").text
            #expect(second.contains("130 Personen, hier 101 bis 130") && second.contains("Zz Person 120"))
            let found = try await lead.get(path + "?suche=zz%20person%20077").text
            #expect(found.contains("1 Person") && found.contains("Zz Person 077") && !found.contains("Zz Person 078"))

            let last = try #require(added.last)
            let refused = try await lead.post(AdminURL.completionExceptions(.value(fixture.editionID)).path, [("userID", last.uuidString), ("reason", "")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Seite 2 von 2"), "the page of the refused row")
            #expect(refused.text.contains("id=\"grund-\(last.uuidString.lowercased())\""))
            _ = try await lead.post(
                AdminURL.completionExceptions(.value(fixture.editionID)).path, [("userID", last.uuidString), ("reason", "Nachholtermin 2027")])
            let granted = try await lead.get(path + "?suche=zz%20person%20120").text
            #expect(granted.contains("abgeschlossen als Ausnahme (Nachholtermin 2027)"), "the kept list is renewed by the exception")
            #expect(granted.contains("10 von 130 Teilnehmer*innen"))
        }
    }

    @Test("a participant sees their own completion on Mein Programm")
    func participantSeesOwnStatus() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = try await participant.get(SiteURL.myProgramme.path).text
            #expect(page.contains("Mein Abschluss"))
            #expect(page.contains("Prototyp-Durchlauf 2022/23: abgeschlossen"))
        }
    }
}
