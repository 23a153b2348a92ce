import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The daily digest", .serialized)
struct DigestTests {
    static let base: @Sendable (String) -> String = { "http://127.0.0.1:8080" + $0 }

    static func post(_ kind: BoardPostKind, _ title: String, by author: UUID, in edition: UUID, at date: Date, parent: UUID? = nil, on db: any Database)
        async throws
        -> UUID
    {
        let post = BoardPost(editionID: edition, parentID: parent, kind: kind, authorID: author, title: title, body: "Text zu \(title)", at: date)
        try await post.create(on: db)
        return try post.requireID()
    }

    static func choose(_ mode: NotificationMode, scope: NotificationScope, for userID: UUID, at date: Date, on db: any Database) async throws {
        let choice = NotificationChoice()
        choice.$user.id = userID
        choice.scope = scope.key
        choice.mode = mode
        choice.chosenAt = date
        try await choice.create(on: db)
    }

    static func digests(to email: String, on db: any Database) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: db).filter(\.$recipient == email).filter(\.$subject ~~ "Neues aus Forum").all()
    }

    @Test("announcements only by default, everything for those who chose it, nothing of one's own, nothing seen, and no mail when empty")
    func content() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let day = CalendarDay(year: 2027, month: 5, day: 10)
            let at = { (time: String) in BerlinTime.instant(on: day, at: time)! }
            let lead = try await ExchangeSupport.userID("leitung@demo.cohesion.example", on: app.db)
            let anna = fixture.participantID
            let mehmet = try await ExchangeSupport.userID("m.yilmaz@demo.cohesion.example", on: app.db)
            let sabine = try await ExchangeSupport.userID("s.hoffmann@demo.cohesion.example", on: app.db)
            let julia = try await ExchangeSupport.userID("j.nowak@demo.cohesion.example", on: app.db)
            let board = NotificationScope.board(editionID: fixture.editionID)
            try await Self.choose(.daily, scope: board, for: mehmet, at: at("06:00"), on: app.db)
            try await Self.choose(.none, scope: board, for: julia, at: at("06:00"), on: app.db)
            let announcement = try await Self.post(.announcement, "Material ist online", by: lead, in: fixture.editionID, at: at("09:00"), on: app.db)
            let question = try await Self.post(.question, "Beirat besetzen", by: anna, in: fixture.editionID, at: at("10:00"), on: app.db)
            _ = try await Self.post(.answer, "", by: sabine, in: fixture.editionID, at: at("11:00"), parent: question, on: app.db)
            // Sabine looked at the board after everything was posted.
            try await ExchangeVisit.record(sabine, scope: board, at: at("12:00"), on: app.sql)

            clock.set(to: day.adding(days: 1))
            let sent = try await Digest.runIfDue(now: clock.now, baseURL: Self.base, on: app.db)
            #expect(sent > 0)
            let annaMail = try #require(try await Self.digests(to: "a.becker@demo.cohesion.example", on: app.db).first)
            #expect(annaMail.body.contains("Ankündigung: Material ist online"))
            #expect(annaMail.body.contains("#beitrag-" + announcement.uuidString.lowercased()))
            #expect(!annaMail.body.contains("Beirat besetzen"), "her own question and the answers are not announcements")
            let mehmetMail = try #require(try await Self.digests(to: "m.yilmaz@demo.cohesion.example", on: app.db).first)
            #expect(mehmetMail.body.contains("Frage: Beirat besetzen") && mehmetMail.body.contains("Antwort auf „Beirat besetzen“"))
            #expect(try await Self.digests(to: "s.hoffmann@demo.cohesion.example", on: app.db).isEmpty, "she saw it all: nothing to send")
            #expect(try await Self.digests(to: "j.nowak@demo.cohesion.example", on: app.db).isEmpty, "she chose no mails")
            #expect(try await Self.digests(to: "leitung@demo.cohesion.example", on: app.db).isEmpty, "the lead wrote the only announcement")

            // The same morning again, and the next morning without anything new: no second mail, no empty mail.
            #expect(try await Digest.runIfDue(now: clock.now.addingTimeInterval(600), baseURL: Self.base, on: app.db) == 0)
            #expect(try await Digest.runIfDue(now: clock.now.addingTimeInterval(86_400), baseURL: Self.base, on: app.db) == 0)
            #expect(try await Self.digests(to: "a.becker@demo.cohesion.example", on: app.db).count == 1)
        }
    }

    @Test("a morning marked as sent (the scale data's) sends nothing; the next morning's round sends what is new")
    func roundMarkedSent() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let day = CalendarDay(year: 2027, month: 5, day: 10)
            let lead = try await ExchangeSupport.userID("leitung@demo.cohesion.example", on: app.db)
            _ = try await Self.post(
                .announcement, "Material ist online", by: lead, in: fixture.editionID, at: BerlinTime.instant(on: day, at: "09:00")!, on: app.db)
            let morning = BerlinTime.instant(on: day.adding(days: 1), at: "07:30")!
            try await Digest.markRoundSent(now: morning, on: app.sql)
            try await Digest.markRoundSent(now: morning, on: app.sql)
            #expect(try await Digest.runIfDue(now: morning, baseURL: Self.base, on: app.db) == 0)
            #expect(try await Self.digests(to: "a.becker@demo.cohesion.example", on: app.db).isEmpty)
            _ = try await Self.post(.announcement, "Raum geändert", by: lead, in: fixture.editionID, at: morning.addingTimeInterval(3_600), on: app.db)
            #expect(try await Digest.runIfDue(now: morning.addingTimeInterval(86_400), baseURL: Self.base, on: app.db) > 0)
            let mails = try await Self.digests(to: "a.becker@demo.cohesion.example", on: app.db)
            #expect(mails.count == 1 && mails.first?.body.contains("Raum geändert") == true)
        }
    }

    @Test("a mail per post for those who chose it, never to the author; switching to the digest repeats none of them")
    func mailPerPost() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let day = CalendarDay(year: 2027, month: 5, day: 10)
            clock.set(to: day)
            let mehmet = try await ExchangeSupport.userID("m.yilmaz@demo.cohesion.example", on: app.db)
            var colleague = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            try await colleague.get(SiteURL.notificationChoices.path)
            let choice = NotificationScope.board(editionID: fixture.editionID).key
            let wrong = try await colleague.post(SiteURL.notificationChoices.path, [(choice, "stuendlich")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Bitte eine der Möglichkeiten wählen."))
            #expect(try await colleague.post(SiteURL.notificationChoices.path, [(choice, "jeder-beitrag")]).status == .seeOther)
            #expect(try await colleague.get(SiteURL.notificationChoices.path).text.contains("value=\"jeder-beitrag\" checked"))

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(BoardTests.board(fixture))
            try await participant.post(BoardTests.board(fixture), [("titel", "Sprachmittlung"), ("text", "Pool oder Dienstleister?")])
            let each = try await ExchangeSupport.mails(to: "m.yilmaz@demo.cohesion.example", on: app.db)
            #expect(each.count == 1 && each[0].body.contains("Pool oder Dienstleister?"))
            try await colleague.post(
                SiteURL.boardReply(.value(fixture.editionID), .value(try #require(try await BoardPost.query(on: app.db).first()).requireID())).path,
                [("text", "Pool.")])
            #expect(try await ExchangeSupport.mails(to: "m.yilmaz@demo.cohesion.example", on: app.db).count == 1, "no mail about one's own post")

            clock.advance(by: 3600)
            try await colleague.post(SiteURL.notificationChoices.path, [(choice, "taeglich")])
            #expect(try await NotificationChoice.query(on: app.db).filter(\.$user.$id == mehmet).first()?.mode == .daily)
            try await Digest.runIfDue(now: BerlinTime.instant(on: day.adding(days: 1), at: "07:00")!, baseURL: Self.base, on: app.db)
            #expect(try await Self.digests(to: "m.yilmaz@demo.cohesion.example", on: app.db).isEmpty, "what was mailed post by post is not repeated")
        }
    }

    /// Ticks every ten minutes from `first` (Berlin, 00:00) for `days` days with one announcement a
    /// day at 10:00; returns when (Berlin clock) the participant's digests were written.
    static func tick(from first: CalendarDay, days: Int, app: Application, fixture: Fixture) async throws -> [(Date, String)] {
        let lead = try await ExchangeSupport.userID("leitung@demo.cohesion.example", on: app.db)
        for offset in 0..<days {
            _ = try await post(
                .announcement, "Ankündigung \(first.adding(days: offset).iso)", by: lead, in: fixture.editionID,
                at: BerlinTime.instant(on: first.adding(days: offset), at: "10:00")!, on: app.db)
        }
        var now = BerlinTime.instant(on: first, at: "00:00")!
        let end = BerlinTime.instant(on: first.adding(days: days), at: "09:00")!
        var sent: [(Date, String)] = []
        var seen = 0
        while now <= end {
            try await Digest.runIfDue(now: now, baseURL: base, on: app.db)
            let mails = try await digests(to: "a.becker@demo.cohesion.example", on: app.db)
            if mails.count > seen {
                sent += mails.dropFirst(seen).map { (now, $0.body) }
                seen = mails.count
            }
            now.addTimeInterval(600)
        }
        return sent
    }

    @Test(
        "across the change to summer time and back: one digest a morning at seven, each announcement in exactly one",
        arguments: [
            CalendarDay(year: 2027, month: 3, day: 27), CalendarDay(year: 2027, month: 10, day: 30),
        ])
    func daylightSaving(first: CalendarDay) async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let sent = try await Self.tick(from: first, days: 3, app: app, fixture: fixture)
            #expect(sent.count == 3, "\(sent.map { $0.0 })")
            for (index, (moment, body)) in sent.enumerated() {
                #expect(BerlinTime.clock(moment) == "07:00", "sent at \(moment)")
                #expect(BerlinTime.day(of: moment) == first.adding(days: index + 1))
                #expect(body.contains("Ankündigung \(first.adding(days: index).iso)"))
                #expect(!body.contains("Ankündigung \(first.adding(days: index + 1).iso)"))
            }
        }
    }

    @Test("two instances at the same moment send each person's digest once")
    func severalInstances() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let lead = try await ExchangeSupport.userID("leitung@demo.cohesion.example", on: app.db)
            let day = CalendarDay(year: 2027, month: 5, day: 10)
            _ = try await Self.post(.announcement, "Für alle", by: lead, in: fixture.editionID, at: BerlinTime.instant(on: day, at: "10:00")!, on: app.db)
            let second = try await Application.make(.testing)
            second.logger.logLevel = .warning
            do {
                try await configure(second, config: app.cohesion.config, features: .cohesion)
                let now = BerlinTime.instant(on: day.adding(days: 1), at: "07:05")!
                let (one, other) = (app.db, second.db)
                async let a = Digest.runIfDue(now: now, baseURL: Self.base, on: one)
                async let b = Digest.runIfDue(now: now, baseURL: Self.base, on: other)
                let total = try await a + b
                let participants = DemoData.demoParticipants.count
                #expect(total == participants + 3, "every participant, both facilitators and the admin, once; the lead wrote it")
                for person in DemoData.demoParticipants {
                    #expect(try await Self.digests(to: person.email, on: app.db).count == 1, "\(person.email)")
                }
                // A person's window is claimed once as well, whoever asks.
                let person = try #require(try await User.find(fixture.participantID, on: app.db))
                let later = BerlinTime.instant(on: day.adding(days: 2), at: "07:00")!
                _ = try await Self.post(.announcement, "Noch eine", by: lead, in: fixture.editionID, at: later.addingTimeInterval(-3600), on: app.db)
                let digestPerson = Digest.Person(id: try person.requireID(), name: person.name, email: person.email, role: person.role)
                async let c = Digest.send(to: digestPerson, for: later, baseURL: Self.base, on: one)
                async let d = Digest.send(to: digestPerson, for: later, baseURL: Self.base, on: other)
                let claims = try await [c, d]
                #expect(claims.filter { $0 }.count == 1)
                _ = clock
            } catch {
                try? await second.asyncShutdown()
                throw error
            }
            try await second.asyncShutdown()
        }
    }
}
