import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// What happens between the parts in the demo: an online and a hybrid unit in each run, a board per
/// edition with announcements, questions and answers, and a lunch-meeting series with a past meeting
/// (agenda, votes, notes) and a coming one whose questions are being voted on.
extension DemoData {
    static let lunchSeriesTitle = "Mittagsrunde Integration vor Ort"

    /// Runs once: skipped when the lunch series exists.
    static func seedExchange(now: Date, on db: Database) async throws {
        try await db.transaction { db in
            guard try await LunchSeries.query(on: db).filter(\.$title == lunchSeriesTitle).count() == 0,
                let programme = try await Programme.query(on: db).filter(\.$title == programmeTitle).first(),
                let lead = try await User.query(on: db).filter(\.$email == "leitung@demo.cohesion.example").first(),
                let host = try await User.query(on: db).filter(\.$email == "referentin@demo.cohesion.example").first(),
                let colleague = try await User.query(on: db).filter(\.$email == "stabsstelle@demo.cohesion.example").first()
            else { return }
            try await seedDelivery(on: db)
            let prototype = try await User.query(on: db).filter(\.$email ~~ demoParticipants.map(\.email)).all()
                .sorted { $0.email < $1.email }
            let regular = try await User.query(on: db).filter(\.$email ~~ regularRunOfficers.map(\.email)).all()
                .sorted { $0.email < $1.email }
            for (title, people) in [("Prototyp-Durchlauf 2022/23", prototype), (regularRunTitle, regular)] {
                guard let edition = try await Edition.query(on: db).filter(\.$title == title).first() else { continue }
                let last = try await Part.query(on: db).filter(\.$edition.$id == edition.requireID()).sort(\.$endsOn, .descending).first()
                let start = BerlinTime.instant(on: last?.endsOn.adding(days: 14) ?? BerlinTime.day(of: now), at: "09:00") ?? now
                try await seedBoard(edition: edition, start: start, lead: lead, facilitators: [host, colleague], people: people, on: db)
            }
            try await seedLunch(
                programme: programme, host: host, people: Array(prototype.prefix(7)) + Array(regular.prefix(9)), now: now, on: db)
        }
    }

    /// One unit of each run's second part online, one hybrid.
    private static func seedDelivery(on db: Database) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE units SET delivery = \(bind: Delivery.online.rawValue), video_url = \(bind: "https://video.demo.cohesion.example/debatte-einwanderungsland"),
                   room = '', sequence = sequence + 1
            WHERE title = \(bind: "Die Debatte um Deutschland als Einwanderungsland")
            """
        ).run()
        try await sql.raw(
            """
            UPDATE units SET delivery = \(bind: Delivery.hybrid.rawValue), video_url = \(bind: "https://video.demo.cohesion.example/mandate-und-grenzen"),
                   sequence = sequence + 1
            WHERE title = \(bind: "Mandate und Grenzen von Integrationsbeauftragten")
            """
        ).run()
    }

    private static func seedBoard(edition: Edition, start: Date, lead: User, facilitators: [User], people: [User], on db: Database) async throws {
        guard people.count >= 5 else { return }
        let editionID = try edition.requireID()
        func post(_ kind: BoardPostKind, by author: User, _ title: String, _ body: String, hours: Double, replyTo parent: BoardPost? = nil) async throws
            -> BoardPost
        {
            let post = BoardPost(
                editionID: editionID, parentID: try parent?.requireID(), kind: kind, authorID: try author.requireID(), title: title, body: body,
                at: start.addingTimeInterval(hours * 3600))
            try await post.create(on: db)
            return post
        }
        _ = try await post(
            .announcement, by: lead, "Material zu Teil 2 ist online",
            """
            Liebe Kolleg*innen,

            die Folien und die **Checkliste Integrationskonzept** aus Teil 2 liegen jetzt beim Teil zum Herunterladen bereit. Bitte denken Sie an:

            - die Selbsteinschätzung vor Teil 3,
            - Ihr Praxisprojekt: ein kurzer Zwischenstand genügt.

            Viele Grüße aus der Programmleitung
            """, hours: 0)
        let question = try await post(
            .question, by: people[0], "Wie bindet ihr Migrantenorganisationen in den Integrationsbeirat ein?",
            "Bei uns sind im Beirat bisher vor allem Wohlfahrtsverbände vertreten. Hat jemand eine *Satzung* oder ein Verfahren, das gut funktioniert?",
            hours: 26)
        _ = try await post(
            .answer, by: people[1], "",
            "Wir haben feste Sitze für Migrantenorganisationen und eine offene Bank für Initiativen. Die Satzung schicke ich gern: https://www.demo.cohesion.example/satzung-beirat",
            hours: 30, replyTo: question)
        _ = try await post(
            .answer, by: facilitators[0], "",
            "Ein Tipp aus Teil 2: die Wahl nicht nur über Vereine laufen lassen. Mehrere Kommunen laden offen ein und wählen in einer Versammlung.",
            hours: 44, replyTo: question)
        let second = try await post(
            .question, by: people[2], "Sprachmittlung im Bürgerbüro: Pool oder Dienstleister?",
            "Wir überlegen, einen Pool ehrenamtlicher Sprachmittler*innen aufzubauen. Welche Erfahrungen habt ihr mit Verschwiegenheit und Aufwandsentschädigung?",
            hours: 70)
        _ = try await post(
            .answer, by: people[3], "", "Bei uns: Pool mit Schulung und Verpflichtung auf Verschwiegenheit, 15 € je Einsatz.", hours: 75, replyTo: second)
        _ = try await post(
            .announcement, by: lead, "Terminhinweis: Mittagsrunde",
            "Die nächste offene Mittagsrunde ist online; Themen schlagen Sie unter „Austausch“ vor. Wir freuen uns auf Ihre Fragen.", hours: 96)
    }

    private static func seedLunch(programme: Programme, host: User, people: [User], now: Date, on db: Database) async throws {
        guard let sql = db as? any SQLDatabase, people.count >= 6 else { return }
        let series = LunchSeries()
        series.$programme.id = try programme.requireID()
        series.title = lunchSeriesTitle
        series.description =
            "Monatlich, online, eine Stunde. Offen für alle Durchläufe – Teilnehmer*innen und Ehemalige. Die Tagesordnung kommt aus Ihren Fragen."
        series.$host.id = try host.requireID()
        series.startTime = "12:30"
        series.endTime = "13:30"
        series.voteBudget = 3
        series.videoURL = "https://video.demo.cohesion.example/mittagsrunde"
        try await series.create(on: db)
        let seriesID = try series.requireID()
        for person in people {
            let registration = LunchRegistration()
            registration.$series.id = seriesID
            registration.$user.id = try person.requireID()
            registration.createdAt = now.addingTimeInterval(-60 * 86_400)
            try await registration.create(on: db)
        }
        let today = BerlinTime.day(of: now)
        // Wednesdays: about three weeks back, and one to two weeks ahead.
        func wednesday(from day: CalendarDay, step: Int) -> CalendarDay { day.weekday == 4 ? day : wednesday(from: day.adding(days: step), step: step) }
        let past = try await meeting(seriesID, on: wednesday(from: today.adding(days: -21), step: -1), on: db)
        let coming = try await meeting(seriesID, on: wednesday(from: today.adding(days: 7), step: 1), on: db)
        let pastTopics = [
            (people[0], "Wie begründet man eine Stelle für Integration im Haushalt, wenn die Förderung ausläuft?"),
            (people[1], "Erfahrungen mit dem Chancen-Aufenthaltsrecht: wer berät bei euch?"),
            (people[6], "Wohnsitzauflage und Wohnraum: Absprachen mit dem Landkreis"),
            (people[2], "Welche Beteiligungsformate erreichen Menschen ohne Vereinsbindung?"),
        ]
        let pastItems = try await items(pastTopics, meeting: past, before: past.agendaFreezesAt, on: db)
        // Votes: 5, 3, 2, 1 – each person within the budget of three.
        try await votes([[0, 1, 2], [0, 1], [0, 3], [0, 2], [0, 1]], items: pastItems, people: people, meeting: past, on: sql)
        past.notes = """
            **Haushalt:** Argumente gesammelt – Pflichtaufgaben benennen, Wirkungen aus dem Praxisprojekt zeigen, Kreistag früh einbinden.

            **Chancen-Aufenthaltsrecht:** Beratung meist bei Migrationsberatung und Ausländerbehörde; zwei Kommunen bieten gemeinsame Sprechstunden an.

            Offen geblieben: Wohnsitzauflage – kommt in der nächsten Runde wieder auf die Liste.
            """
        past.notesPublishedAt = past.endsAt.addingTimeInterval(3 * 3600)
        past.reminderSentAt = past.startsAt.addingTimeInterval(-LunchReminders.ahead)
        try await past.save(on: db)
        for item in pastItems.prefix(2) { try await LunchVoting.markAnswered(itemID: try item.requireID(), at: past.endsAt, on: sql) }
        let comingTopics = [
            (people[3], "Wohnsitzauflage und Wohnraum: Absprachen mit dem Landkreis (aus der letzten Runde)"),
            (people[7], "Wie messen wir, ob unser Integrationskonzept wirkt?"),
            (people[8], "Ehrenamt gewinnen nach der Pandemie: was hat bei euch funktioniert?"),
        ]
        let comingItems = try await items(comingTopics, meeting: coming, before: now, on: db)
        try await votes([[0, 1], [1, 2], [1], [0]], items: comingItems, people: Array(people.dropFirst(4)), meeting: coming, on: sql)
    }

    private static func meeting(_ seriesID: UUID, on day: CalendarDay, on db: Database) async throws -> LunchMeeting {
        let meeting = LunchMeeting()
        meeting.$series.id = seriesID
        meeting.startsAt = BerlinTime.instant(on: day, at: "12:30")!
        meeting.endsAt = BerlinTime.instant(on: day, at: "13:30")!
        meeting.agendaFreezesAt = BerlinTime.instant(on: day.adding(days: -1), at: "12:00")!
        meeting.notes = ""
        meeting.createdAt = meeting.startsAt.addingTimeInterval(-30 * 86_400)
        try await meeting.create(on: db)
        return meeting
    }

    private static func items(_ topics: [(User, String)], meeting: LunchMeeting, before end: Date, on db: Database) async throws -> [LunchItem] {
        var created: [LunchItem] = []
        for (index, (author, text)) in topics.enumerated() {
            let item = LunchItem()
            item.$meeting.id = try meeting.requireID()
            item.$author.id = try author.requireID()
            item.text = text
            item.createdAt = end.addingTimeInterval(Double(-(topics.count - index)) * 2 * 3600)
            try await item.create(on: db)
            created.append(item)
        }
        return created
    }

    /// `choices[n]`: the items person n votes for.
    private static func votes(_ choices: [[Int]], items: [LunchItem], people: [User], meeting: LunchMeeting, on sql: any SQLDatabase) async throws {
        for (person, picked) in zip(people, choices) {
            for index in picked {
                _ = try await LunchVoting.vote(
                    itemID: try items[index].requireID(), meetingID: try meeting.requireID(), userID: try person.requireID(), budget: 3,
                    at: items[index].createdAt.addingTimeInterval(600), on: sql)
            }
        }
    }
}
