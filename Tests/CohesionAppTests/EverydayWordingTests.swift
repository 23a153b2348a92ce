import CohesionCore
import CohesionPlatform
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// One meaning per word, one state per page.
@Suite("Words and states people meet")
struct EverydayWordingTests {
    @Test("'Abmelden' ends the session only; a part is left with 'Teilnahme absagen'")
    func cancellingIsNotLoggingOut() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.post(
                SiteURL.registration(.value(fixture.partID)).path,
                [("overnight", "nein"), ("diet", "none"), ("photos", "ja")])
            let page = try await participant.get(SiteURL.registration(.value(fixture.partID)).path).text
            #expect(page.contains("Teilnahme absagen"))
            #expect(page.components(separatedBy: "Abmelden").count == 2, "only the header's logout says Abmelden")
            let cancelled = try await participant.post(SiteURL.cancellation(.value(fixture.partID)).path)
            #expect(cancelled.location?.contains("hinweis=teilnahme-abgesagt") == true)
            let after = try await participant.get(try #require(cancelled.location)).text
            #expect(after.contains("Ihre Absage ist gespeichert."))
            #expect(after.contains("Sie haben Ihre Teilnahme abgesagt."))
        }
    }

    @Test("a facilitator's Mein Programm lists the parts they teach in, not a missing edition")
    func facilitatorParts() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let page = try await facilitator.get(SiteURL.myProgramme.path).text
            #expect(page.contains("Meine Einheiten als Referent*in"))
            #expect(page.contains("Fachkenntnisse und Empowerment"))
            #expect(!page.contains("keinem Durchlauf zugeordnet"))
        }
    }
}

@Suite("The demo's accounts")
struct DemoAccountTests {
    @Test("--reset-passwords gives every demo account a new password that works; the old one stops working")
    func resetPasswords() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let old = try #require(fixture.accounts[.lead])
            let reset = try await DemoData.resetPasswords(on: app.db, hasher: app.password)
            #expect(reset.accounts.count == 15, "lead, two facilitators, admin, partner and ten participants")
            let new = try #require(reset.accounts.first { $0.email == old.email })
            #expect(new.password != old.password)
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            #expect(
                try await browser.post(SiteURL.login.path, [("email", old.email), ("password", old.password)]).status == .unprocessableEntity,
                "the old password is refused")
            try await browser.login(new)
        }
    }
}
