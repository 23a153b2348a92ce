import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Once a part has begun, participants no longer change their registration; the lead does, with a reason.
@Suite("Registration after a part has begun")
struct RegistrationWindowTests {
    @Test("a participant can neither register for nor cancel a part that has begun, and is told why")
    func participantRefused() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let path = SiteURL.registration(.value(fixture.partID)).path
            #expect(try await participant.post(path, RegistrationTests.answers).status == .seeOther)

            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            clock.advance(by: 14 * 86_400)
            #expect(BerlinTime.day(of: clock.now) == part.startsOn)
            try await participant.login(try #require(fixture.accounts[.participant]))  // two weeks later the session has expired
            let page = try await participant.get(path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Anmeldung und Absage sind jetzt nur noch über die Programmleitung möglich."))
            #expect(!page.text.contains("action=\"\(SiteURL.cancellation(.value(fixture.partID)).path)\""))
            #expect(page.text.contains("<dt>Verpflegung</dt><dd>vegetarisch</dd>"), "the answers are still shown, read-only")

            let cancel = try await participant.post(SiteURL.cancellation(.value(fixture.partID)).path)
            #expect(cancel.status == .conflict)
            #expect(cancel.text.contains("hat am \(BerlinTime.longDate(part.startsOn)) begonnen"))
            let change = try await participant.post(path, [("overnight", "nein"), ("diet", "vegan"), ("photos", "ja")])
            #expect(change.status == .conflict)
            let registration = try #require(try await Registration.query(on: app.db).first())
            #expect(registration.status == .registered)
            #expect(registration.diet == Diet.vegetarian.rawValue)
        }
    }

    @Test("the lead cancels after the part has begun only with a reason, which is kept and shown")
    func leadCancelsWithReason() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app, withRegistration: true)
            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            clock.set(to: part.endsOn.adding(days: 3))
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let overview = AdminURL.registrations(.value(fixture.partID)).path
            let page = try await lead.get(overview).text
            #expect(page.contains("Änderungen hier brauchen eine Begründung"))
            let registrationID = try #require(fixture.registrationID)
            let cancel = AdminURL.cancelRegistration(.value(registrationID)).path

            let missing = try await lead.post(cancel, [("reason", "  ")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Absage nicht gespeichert: Bitte eine Begründung für die nachträgliche Änderung angeben."))
            #expect(try await Registration.find(registrationID, on: app.db)?.status == .registered)

            let done = try await lead.post(cancel, [("reason", "Krankmeldung am ersten Tag")])
            #expect(done.status == .seeOther)
            let cancelled = try #require(try await Registration.find(registrationID, on: app.db))
            #expect(cancelled.status == .cancelled)
            #expect(cancelled.lateChangeReason == "Krankmeldung am ersten Tag")
            #expect(try await lead.get(overview).text.contains("(nachträglich: Krankmeldung am ersten Tag)"))
        }
    }

    @Test("the lead registers someone after the part has begun only with a reason; the form keeps what was typed")
    func leadRegistersWithReason() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            clock.set(to: part.startsOn)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let overview = AdminURL.registrations(.value(fixture.partID)).path
            try await lead.get(overview)
            let member = fixture.participantID.uuidString
            let missing = try await lead.post(overview, [("userID", member)] + RegistrationTests.answers)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Bitte eine Begründung für die nachträgliche Änderung angeben."))
            #expect(missing.text.contains("stufenloser Zugang"))
            #expect(try await Registration.query(on: app.db).count() == 0)

            let done = try await lead.post(overview, [("userID", member)] + RegistrationTests.answers + [("reason", "Nachgemeldet vor Ort")])
            #expect(done.status == .seeOther)
            let registration = try #require(try await Registration.query(on: app.db).first())
            #expect(registration.lateChangeReason == "Nachgemeldet vor Ort")
        }
    }
}
