import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Online and hybrid units")
struct OnlineUnitTests {
    static let room = "https://video.example.org/raum-teil-2"

    static func onlineForm(_ fixture: Fixture, video: String, delivery: Delivery = .online) -> [(String, String)] {
        StructureEditingTests.unitForm(
            title: "Integrationskonzepte und ihre Entwicklung", day: "2023-07-20", start: "10:00", end: "12:00", room: "",
            extra: [
                ("delivery", delivery.rawValue), ("videoURL", video), ("facilitatorIDs", fixture.facilitatorID.uuidString),
            ])
    }

    @Test("moving a unit online mails the registered, raises the calendar's SEQUENCE and never puts the address in the mail or on public pages")
    func movingOnline() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app, withRegistration: true)
            try await ExchangeSupport.register(fixture.participantID, for: fixture.partID, on: app.db)
            let before = try #require(try await Unit.find(fixture.unitID, on: app.db)).sequence
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.edit(.unit, .value(fixture.unitID)).path)
            let saved = try await lead.post(AdminURL.edit(.unit, .value(fixture.unitID)).path, Self.onlineForm(fixture, video: Self.room))
            #expect(saved.status == .seeOther)
            let unit = try #require(try await Unit.find(fixture.unitID, on: app.db))
            #expect(unit.delivery == Delivery.online.rawValue)
            #expect(unit.videoURL == Self.room)
            #expect(unit.sequence == before + 1)

            let participant = try #require(fixture.accounts[.participant])
            let mails = try await ExchangeSupport.mails(to: participant.email, on: app.db)
            let notice = try #require(mails.last { $0.subject.contains("Änderung in Teil 2") })
            #expect(notice.body.contains("Durchführung: jetzt online (bisher in Präsenz)"))
            #expect(!notice.body.contains(Self.room), "the address travels in no mail")
            #expect(try await ExchangeSupport.mails(to: "f.mueller@demo.cohesion.example", on: app.db).contains { $0.subject.contains("Änderung in Teil 2") })
            #expect(try await ExchangeSupport.mails(to: "m.yilmaz@demo.cohesion.example", on: app.db).isEmpty, "not registered: not told")

            let feed = try await ExchangeSupport.feed(of: fixture.participantID, app: app)
            #expect(feed.contains("SEQUENCE:\(before + 1)"))
            var visitor = Browser(app)
            let publicPage = try await visitor.get(SiteURL.part(.value(fixture.partID)).path).text
            #expect(publicPage.contains("Online"))
            #expect(!publicPage.contains(Self.room))
            #expect(!(try await visitor.get(SiteURL.partCalendar(.value(fixture.partID)).path).text.contains("video.example.org")))
        }
    }

    @Test("the address shows to the registered and the unit's facilitator from 30 minutes before the start until the end, to nobody else")
    func addressWindow() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await ExchangeSupport.register(fixture.participantID, for: fixture.partID, on: app.db)
            let unit = try #require(try await Unit.find(fixture.unitID, on: app.db))
            unit.delivery = Delivery.hybrid.rawValue
            unit.videoURL = Self.room
            try await unit.save(on: app.db)
            try await UnitFacilitator.query(on: app.db).filter(\.$unit.$id == fixture.unitID).delete()
            try await UnitFacilitator(unitID: fixture.unitID, userID: fixture.facilitatorID).create(on: app.db)

            clock.set(to: BerlinTime.day(of: unit.startsAt))
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            var unregistered = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            var other = try await Browser.signedIn(app, as: "stabsstelle@demo.cohesion.example")
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            let page = SiteURL.part(.value(fixture.partID)).path

            // 31 minutes before: announced, not shown.
            clock.advance(by: unit.startsAt.addingTimeInterval(-31 * 60).timeIntervalSince(clock.now))
            let early = try await participant.get(page).text
            #expect(early.contains("Der Link zum Videoraum erscheint hier ab"))
            #expect(!early.contains(Self.room))
            #expect(!(try await ExchangeSupport.feed(of: fixture.participantID, app: app)).contains(Self.room))

            // 29 minutes before: the registered participant and the unit's facilitator see it, on the page and in the feed.
            clock.advance(by: 2 * 60)
            #expect(try await participant.get(page).text.contains("href=\"\(Self.room)\""))
            #expect(try await facilitator.get(page).text.contains("href=\"\(Self.room)\""))
            let feed = try await ExchangeSupport.feed(of: fixture.participantID, app: app)
            #expect(feed.contains("Videoraum: \(Self.room)"))
            #expect(try await ExchangeSupport.feed(of: fixture.facilitatorID, app: app).contains("Videoraum: \(Self.room)"))
            for (name, browser) in [("not registered", unregistered), ("another facilitator", other), ("partner", partner)] {
                var browser = browser
                #expect(!(try await browser.get(page).text.contains(Self.room)), "\(name) does not see the address")
            }
            #expect(!(try await unregistered.get(page).text.contains("Videoraum")))
            _ = try await other.get(page)
            var visitor = Browser(app)
            #expect(!(try await visitor.get(page).text.contains(Self.room)))

            // After the end it is gone again.
            clock.advance(by: unit.endsAt.addingTimeInterval(60).timeIntervalSince(clock.now))
            let over = try await participant.get(page).text
            #expect(!over.contains(Self.room) && !over.contains("Der Link zum Videoraum erscheint"), "nothing announced for a unit that is over")
        }
    }

    @Test("a video address that is no web address is refused in German, the form keeps what was typed, nothing is saved")
    func invalidAddress() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.edit(.unit, .value(fixture.unitID)).path)
            let typed = "javascript:alert(1)"
            let refused = try await lead.post(AdminURL.edit(.unit, .value(fixture.unitID)).path, Self.onlineForm(fixture, video: typed))
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Bitte die vollständige Adresse des Videoraums angeben, beginnend mit https://."))
            #expect(refused.text.contains("value=\"javascript:alert(1)\""))
            #expect(try await Unit.find(fixture.unitID, on: app.db)?.delivery == Delivery.inPerson.rawValue)
            let hybrid = try await lead.post(
                AdminURL.edit(.unit, .value(fixture.unitID)).path, Self.onlineForm(fixture, video: "", delivery: .hybrid))
            #expect(hybrid.status == .seeOther, "the address may follow later")
        }
    }
}
