import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Lunch meetings")
struct LunchMeetingTests {
    /// A series of the demo programme hosted by the demo facilitator, and one meeting `days` ahead
    /// of the clock at 12:30 whose agenda freezes the day before at noon.
    static func meeting(_ app: Application, _ fixture: Fixture, clock: TestClock, days: Int = 7) async throws -> (series: UUID, meeting: LunchMeeting) {
        let series = LunchSeries()
        series.$programme.id = fixture.programmeID
        series.title = "Mittagsrunde Test"
        series.description = ""
        series.$host.id = fixture.facilitatorID
        series.startTime = "12:30"
        series.endTime = "13:30"
        series.voteBudget = 3
        series.videoURL = "https://video.example.org/mittag"
        try await series.create(on: app.db)
        let day = BerlinTime.day(of: clock.now).adding(days: days)
        let meeting = LunchMeeting()
        meeting.$series.id = try series.requireID()
        meeting.startsAt = BerlinTime.instant(on: day, at: "12:30")!
        meeting.endsAt = BerlinTime.instant(on: day, at: "13:30")!
        meeting.agendaFreezesAt = BerlinTime.instant(on: day.adding(days: -1), at: "12:00")!
        meeting.notes = ""
        meeting.createdAt = clock.now
        try await meeting.create(on: app.db)
        return (try series.requireID(), meeting)
    }

    static func register(_ userID: UUID, series: UUID, on db: any Database) async throws {
        let registration = LunchRegistration()
        registration.$series.id = series
        registration.$user.id = userID
        registration.createdAt = Date()
        try await registration.create(on: db)
    }

    static func item(_ text: String, by userID: UUID, in meeting: LunchMeeting, at date: Date, on db: any Database) async throws -> UUID {
        let item = LunchItem()
        item.$meeting.id = try meeting.requireID()
        item.$author.id = userID
        item.text = text
        item.createdAt = date
        try await item.create(on: db)
        return try item.requireID()
    }

    @Test("the lead starts a series, its host sets a meeting; wrong input is refused in German and kept")
    func seriesAndMeeting() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(SiteURL.lunchSeries.path)
            let fields: [(String, String)] = [
                ("titel", "Mittagsrunde Integration vor Ort"), ("programm", fixture.programmeID.uuidString), ("moderation", fixture.facilitatorID.uuidString),
                ("beginn", "12:30"), ("ende", "13:30"), ("stimmen", "3"), ("video", "https://video.example.org/mittag"), ("beschreibung", ""),
            ]
            let wrong = try await lead.post(SiteURL.lunchSeries.path, fields.map { $0.0 == "ende" ? ("ende", "12:00") : $0 })
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Das Ende muss nach dem Beginn liegen."))
            #expect(wrong.text.contains("value=\"Mittagsrunde Integration vor Ort\""))
            #expect(try await lead.post(SiteURL.lunchSeries.path, fields).status == .seeOther)
            let series = try #require(try await LunchSeries.query(on: app.db).first())

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(SiteURL.lunchSeries.path)
            let path = SiteURL.lunchNewMeeting(.value(try series.requireID())).path
            #expect(try await participant.post(path, [("datum", "2030-01-15")]).status == .forbidden, "only the host and the lead set meetings")
            var host = Browser(app)
            try await host.login(try #require(fixture.accounts[.facilitator]))
            try await host.get(SiteURL.lunchSeries.path)
            let day = BerlinTime.day(of: clock.now).adding(days: 14)
            let late = try await host.post(
                path, [("datum", day.iso), ("beginn", "12:30"), ("ende", "13:30"), ("schluss-datum", day.adding(days: 1).iso), ("schluss-zeit", "12:00")])
            #expect(late.status == .unprocessableEntity && late.text.contains("Die Tagesordnung steht spätestens zu Beginn des Treffens fest."))
            let created = try await host.post(
                path, [("datum", day.iso), ("beginn", "12:30"), ("ende", "13:30"), ("schluss-datum", day.adding(days: -1).iso), ("schluss-zeit", "12:00")])
            #expect(created.status == .seeOther)
            let meeting = try #require(try await LunchMeeting.query(on: app.db).first())
            #expect(BerlinTime.clock(meeting.startsAt) == "12:30" && BerlinTime.day(of: meeting.startsAt) == day)

            #expect(try await participant.post(SiteURL.lunchRegistration(.value(try series.requireID())).path, [("aktion", "anmelden")]).status == .seeOther)
            #expect(try await participant.post(SiteURL.lunchRegistration(.value(try series.requireID())).path, [("aktion", "anmelden")]).status == .seeOther)
            #expect(try await LunchRegistration.query(on: app.db).count() == 1, "registering twice is one registration")
            let feed = try await ExchangeSupport.feed(of: fixture.participantID, app: app)
            #expect(feed.contains("SUMMARY:Mittagsrunde Integration vor Ort"))
            #expect(!feed.contains("video.example.org"), "the address is in the feed only from half an hour before")
        }
    }

    @Test("votes: one per item, three per person and meeting, changeable until the agenda freezes; answered items give them back")
    func votingToTheBudget() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await Self.meeting(app, fixture, clock: clock)
            let meetingID = try meeting.requireID()
            try await Self.register(fixture.participantID, series: seriesID, on: app.db)
            let colleague = try await ExchangeSupport.userID("m.yilmaz@demo.cohesion.example", on: app.db)
            var items: [UUID] = []
            for (index, text) in ["Haushalt", "Beirat", "Wohnsitzauflage", "Ehrenamt", "Sprachmittlung"].enumerated() {
                items.append(try await Self.item(text, by: colleague, in: meeting, at: clock.now.addingTimeInterval(Double(index) * 60), on: app.db))
            }
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = SiteURL.lunchMeeting(.value(meetingID)).path
            #expect(try await participant.get(page).text.contains("Ihre Stimmen: 3 von 3 frei."))
            func vote(_ index: Int, _ action: String = "geben") async throws -> TestingHTTPResponse {
                try await participant.post(SiteURL.lunchVote(.value(meetingID), .value(items[index])).path, [("aktion", action)])
            }
            for index in [4, 2, 1] { #expect(try await vote(index).status == .seeOther) }
            #expect(try await vote(4).status == .seeOther, "a second vote for the same item changes nothing")
            let past = try await vote(0)
            #expect(past.status == .conflict)
            #expect(past.text.contains("Sie haben alle 3 Stimmen für diesen Termin vergeben."))
            #expect(try await LunchVote.query(on: app.db).count() == 3)
            // Ties are broken by the time of posting: with one vote each, the earlier item stands first.
            let agenda = try await participant.get(page).text
            #expect(agenda.contains("Ihre Stimmen: 0 von 3 frei."))
            let order = ["Beirat", "Wohnsitzauflage", "Sprachmittlung", "Haushalt"].map { agenda.range(of: ">\($0)</p>")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "agenda by votes, then by time")

            #expect(try await vote(1, "zuruecknehmen").status == .seeOther)
            #expect(try await vote(0).status == .seeOther, "a withdrawn vote is free again")

            var host = Browser(app)
            try await host.login(try #require(fixture.accounts[.facilitator]))
            try await host.get(page)
            #expect(try await participant.post(SiteURL.lunchAnswered(.value(meetingID), .value(items[4])).path).status == .forbidden)
            #expect(try await host.post(SiteURL.lunchAnswered(.value(meetingID), .value(items[4])).path).status == .seeOther)
            #expect(try await participant.get(page).text.contains("Ihre Stimmen: 1 von 3 frei."), "the answered item gave its vote back")
            #expect(try await vote(3).status == .seeOther)
            #expect(try await vote(4).status == .conflict, "an answered item takes no votes")
            let counted = try await participant.get(page).text
            #expect(counted.contains("beantwortet"))

            // The agenda freezes at the time the host set (a new sign-in: a session ends after a day without use).
            clock.advance(by: meeting.agendaFreezesAt.timeIntervalSince(clock.now) + 1)
            participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(page)
            let frozen = try await vote(1)
            #expect(frozen.status == .conflict && frozen.text.contains("Die Tagesordnung steht seit"))
            #expect(try await participant.post(SiteURL.lunchItems(.value(meetingID)).path, [("thema", "Noch eins")]).status == .conflict)
            #expect(try await participant.get(page).text.contains("<h2 id=\"themen-titel\">Tagesordnung</h2>"))
        }
    }

    @Test("questions need a registration, are refused when empty, and are escaped; notes are the host's and appear on the page")
    func itemsAndNotes() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await Self.meeting(app, fixture, clock: clock)
            let meetingID = try meeting.requireID()
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = SiteURL.lunchMeeting(.value(meetingID)).path
            #expect(try await participant.get(page).text.contains("melden Sie sich für die Reihe an"))
            let unregistered = try await participant.post(SiteURL.lunchItems(.value(meetingID)).path, [("thema", "Frage")])
            #expect(unregistered.status == .forbidden && unregistered.text.contains("Bitte melden Sie sich zuerst für die Mittagsrunde an"))
            try await Self.register(fixture.participantID, series: seriesID, on: app.db)
            try await participant.get(page)
            let empty = try await participant.post(SiteURL.lunchItems(.value(meetingID)).path, [("thema", " ")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Bitte Ihre Frage oder Ihr Thema angeben."))
            #expect(
                try await participant.post(SiteURL.lunchItems(.value(meetingID)).path, [("thema", "<img src=x onerror=alert(1)> Haushalt?")]).status
                    == .seeOther)
            let shown = try await participant.get(page).text
            #expect(shown.contains("&lt;img src=x onerror=alert(1)&gt; Haushalt?") && !shown.contains("<img src=x"))

            #expect(try await participant.post(SiteURL.lunchNotes(.value(meetingID)).path, [("notizen", "Meine Notizen")]).status == .forbidden)
            var host = Browser(app)
            try await host.login(try #require(fixture.accounts[.facilitator]))
            try await host.get(page)
            let item = try #require(try await LunchItem.query(on: app.db).first())
            #expect(try await host.post(SiteURL.lunchNotes(.value(meetingID)).path, [("notizen", "")]).status == .unprocessableEntity)
            #expect(
                try await host.post(
                    SiteURL.lunchNotes(.value(meetingID)).path,
                    [("notizen", "**Haushalt:** Pflichtaufgaben benennen."), ("beantwortet", try item.requireID().uuidString)]
                ).status == .seeOther)
            let notes = try await participant.get(page).text
            #expect(notes.contains("<strong>Haushalt:</strong> Pflichtaufgaben benennen."))
            #expect(try await LunchItem.find(item.requireID(), on: app.db)?.answeredAt != nil)
        }
    }

    @Test("the meeting's video address: to the registered and the host from 30 minutes before, to nobody else; another programme's people are refused")
    func videoAndAudience() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await Self.meeting(app, fixture, clock: clock, days: 1)
            try await Self.register(fixture.participantID, series: seriesID, on: app.db)
            let page = SiteURL.lunchMeeting(.value(try meeting.requireID())).path
            clock.advance(by: meeting.startsAt.addingTimeInterval(-31 * 60).timeIntervalSince(clock.now))
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            var host = Browser(app)
            try await host.login(try #require(fixture.accounts[.facilitator]))
            var unregistered = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            #expect(!(try await participant.get(page).text.contains("video.example.org/mittag")))
            clock.advance(by: 2 * 60)
            #expect(try await participant.get(page).text.contains("href=\"https://video.example.org/mittag\""))
            #expect(try await host.get(page).text.contains("href=\"https://video.example.org/mittag\""))
            #expect(try await ExchangeSupport.feed(of: fixture.participantID, app: app).contains("Videoraum: https://video.example.org/mittag"))
            #expect(!(try await unregistered.get(page).text.contains("video.example.org")))

            let programme = Programme(title: "Anderes Programm", summary: "")
            try await programme.create(on: app.db)
            let edition = Edition(programmeID: try programme.requireID(), title: "Dort", summary: "")
            try await edition.create(on: app.db)
            let stranger = User(email: "fremd@example.org", name: "Fremde Person", role: .participant)
            try await stranger.create(on: app.db)
            try await app.sql.raw(
                "INSERT INTO edition_members (id, edition_id, user_id) VALUES (\(bind: UUID()), \(bind: try edition.requireID()), \(bind: try stranger.requireID()))"
            ).run()
            var foreign = try await Browser.signedIn(app, as: "fremd@example.org")
            #expect(try await foreign.get(page).status == .forbidden)
            #expect(!(try await foreign.get(SiteURL.lunchSeries.path).text.contains("Mittagsrunde Test")))
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            #expect(try await partner.get(page).status == .forbidden)
        }
    }

    @Test("a person cannot vote beyond the budget even with many requests at once")
    func parallelVotes() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await Self.meeting(app, fixture, clock: clock)
            let meetingID = try meeting.requireID()
            try await Self.register(fixture.participantID, series: seriesID, on: app.db)
            var items: [UUID] = []
            for index in 0..<8 {
                items.append(
                    try await Self.item("Thema \(index)", by: fixture.facilitatorID, in: meeting, at: clock.now.addingTimeInterval(Double(index)), on: app.db))
            }
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(SiteURL.lunchMeeting(.value(meetingID)).path)
            let sender = participant
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for item in items + items {
                    group.addTask {
                        var browser = sender
                        return try await browser.post(SiteURL.lunchVote(.value(meetingID), .value(item)).path, [("aktion", "geben")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .conflict }, "\(statuses)")
            #expect(try await LunchVote.query(on: app.db).filter(\.$user.$id == fixture.participantID).count() == 3)
            // The same straight at the database, many connections at once.
            try await LunchVote.query(on: app.db).delete()
            let sql = app.sql
            let outcomes = try await withThrowingTaskGroup(of: LunchVoting.Outcome.self) { group in
                for item in items {
                    group.addTask {
                        try await LunchVoting.vote(itemID: item, meetingID: meetingID, userID: fixture.participantID, budget: 3, at: Date(), on: sql)
                    }
                }
                return try await group.reduce(into: [LunchVoting.Outcome]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .counted }.count == 3)
            #expect(try await LunchVote.query(on: app.db).count() == 3)
        }
    }

    @Test("the reminder a day before goes out once, even when two instances look at the same moment")
    func reminderOnce() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await Self.meeting(app, fixture, clock: clock, days: 2)
            try await Self.register(fixture.participantID, series: seriesID, on: app.db)
            _ = try await Self.item("Haushalt", by: fixture.facilitatorID, in: meeting, at: clock.now, on: app.db)
            let base: @Sendable (String) -> String = { "http://127.0.0.1:8080" + $0 }
            #expect(try await LunchReminders.sendDue(now: clock.now, baseURL: base, on: app.db) == 0, "two days ahead: not yet")
            clock.advance(by: meeting.startsAt.addingTimeInterval(-LunchReminders.ahead + 60).timeIntervalSince(clock.now))
            let now = clock.now
            let db = app.db
            let sent = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<3 { group.addTask { try await LunchReminders.sendDue(now: now, baseURL: base, on: db) } }
                return try await group.reduce(0, +)
            }
            #expect(sent == 1)
            let mails = try await ExchangeSupport.mails(to: try #require(fixture.accounts[.participant]).email, on: app.db)
            #expect(mails.count == 1)
            #expect(mails.first?.body.contains("- Haushalt (0 Stimmen)") == true)
            #expect(mails.first?.body.contains("video.example.org") == false)
        }
    }
}
