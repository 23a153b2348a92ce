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
