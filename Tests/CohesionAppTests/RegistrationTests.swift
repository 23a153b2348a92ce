import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Registration for a part")
struct RegistrationTests {
    static let answers: [(String, String)] = [
        ("overnight", "ja"), ("diet", Diet.vegetarian.rawValue), ("dietNote", ""),
        ("accessibility", "stufenloser Zugang"), ("photos", "nein"),
    ]

    static func setCapacity(_ capacity: Int, of partID: UUID, on db: any Database) async throws {
        let part = try #require(try await Part.find(partID, on: db))
        part.capacity = capacity
        try await part.save(on: db)
    }

    @Test("register, join the waitlist beyond capacity, cancel, and the first waiting moves up and gets a mail")
    func waitlistAndPromotion() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.setCapacity(1, of: fixture.partID, on: app.db)
            let participants = try await User.query(on: app.db).filter(\.$role == Role.participant).sort(\.$email).all()
            let answers = VenueAnswers(overnight: true, diet: .vegan, dietNote: "", accessibility: "", photoConsent: true)
            var statuses: [RegistrationStatus] = []
            for user in participants.prefix(3) {
                statuses.append(try await Registrations.register(userID: user.requireID(), partID: fixture.partID, answers: answers, on: app.db))
            }
            #expect(statuses == [.registered, .waitlisted, .waitlisted])

            let promoted = try await Registrations.cancel(
                userID: participants[0].requireID(), partID: fixture.partID,
                services: app.cohesion, on: app.db)
            #expect(promoted == [try participants[1].requireID()])
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(mail.recipient == participants[1].email)
            #expect(mail.subject == "Cohesion: Sie haben einen Platz für Teil 2")
            let third = try #require(try await Registration.query(on: app.db).filter(\.$user.$id == participants[2].requireID()).first())
            #expect(third.status == .waitlisted)
        }
    }

    @Test("many simultaneous registrations for the last seats never overbook and never lose a registration")
    func concurrentRegistrations() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.setCapacity(3, of: fixture.partID, on: app.db)
            let userIDs = try await User.query(on: app.db).filter(\.$role == Role.participant).all().map { try $0.requireID() }
            let answers = VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true)
            let partID = fixture.partID
            let db = app.db
            let results = try await withThrowingTaskGroup(of: RegistrationStatus.self) { group in
                for userID in userIDs {
                    group.addTask { try await Registrations.register(userID: userID, partID: partID, answers: answers, on: db) }
                }
                return try await group.reduce(into: [RegistrationStatus]()) { $0.append($1) }
            }
            #expect(results.count == userIDs.count)
            #expect(results.filter { $0 == .registered }.count == 3)
            let rows = try await Registration.query(on: app.db).filter(\.$part.$id == partID).all()
            #expect(rows.count == userIDs.count, "no registration is lost")
            #expect(rows.filter { $0.status == .registered }.count == 3, "never overbooked")
            #expect(Set(rows.map(\.sequence)).count == rows.count, "every arrival has its own place in the order")

            // Cancellations in parallel too: each freed seat goes to exactly one person from the waitlist.
            let registered = rows.filter { $0.status == .registered }.map { $0.$user.id }
            let services = app.cohesion
            try await withThrowingTaskGroup(of: [UUID].self) { group in
                for userID in registered.prefix(2) {
                    group.addTask { try await Registrations.cancel(userID: userID, partID: partID, services: services, on: db) }
                }
                try await group.waitForAll()
            }
            #expect(try await Registration.query(on: app.db).filter(\.$part.$id == partID).filter(\.$status == .registered).count() == 3)
            #expect(try await OutboxMessage.query(on: app.db).count() == 2)
        }
    }

    @Test("a participant registers through the form, sees the waitlist place, and cancels")
    func throughTheForm() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            try await Self.setCapacity(0, of: fixture.partID, on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let path = SiteURL.registration(.value(fixture.partID)).path
            #expect(try await participant.get(path).text.contains("Sie sind noch nicht angemeldet."))
            let missing = try await participant.post(path, [("overnight", ""), ("diet", "other"), ("dietNote", ""), ("photos", "")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Bitte angeben, welche Verpflegung Sie brauchen."))
            #expect(missing.text.contains("Bitte angeben, ob Sie übernachten."))
            #expect(try await Registration.query(on: app.db).count() == 0)
            #expect(try await participant.post(path, Self.answers).status == .seeOther)
            #expect(try await participant.get(path).text.contains("Sie stehen auf Platz 1 der Warteliste."))
            #expect(try await participant.get(SiteURL.myProgramme.path).text.contains("auf der Warteliste"))
            #expect(try await participant.post(SiteURL.cancellation(.value(fixture.partID)).path).status == .seeOther)
            #expect(try await participant.get(path).text.contains("Sie haben Ihre Teilnahme abgesagt."))
        }
    }

    @Test("only members of the edition may register")
    func membersOnly() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let outsider = User(email: "aussen@example.org", name: "Außen", role: .participant, passwordHash: try app.password.hash("geheimes-passwort"))
            try await outsider.create(on: app.db)
            var browser = Browser(app)
            try await browser.login(email: "aussen@example.org", password: "geheimes-passwort")
            #expect(try await browser.get(SiteURL.registration(.value(fixture.partID)).path).status == .forbidden)
            #expect(try await browser.post(SiteURL.registration(.value(fixture.partID)).path, Self.answers).status == .forbidden)
            #expect(try await Registration.query(on: app.db).count() == 0)
        }
    }

    @Test("the lead registers someone, sees counts for catering and rooms, cancels, and a larger capacity moves the waitlist up")
    func leadManages() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            try await Self.setCapacity(1, of: fixture.partID, on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let overview = AdminURL.registrations(.value(fixture.partID)).path
            try await lead.get(overview)
            let members = try await User.query(on: app.db).filter(\.$role == Role.participant).sort(\.$name).all()
            for member in members.prefix(2) {
                let response = try await lead.post(overview, [("userID", try member.requireID().uuidString)] + Self.answers)
                #expect(response.status == .seeOther)
            }
            let page = try await lead.get(overview).text
            #expect(page.contains("<dt>Übernachtungen</dt><dd>1</dd>"))
            #expect(page.contains("vegetarisch: 1"))
            #expect(page.contains("<dt>Warteliste</dt><dd>1</dd>"))
            let noChoice = try await lead.post(overview, [("userID", "")] + Self.answers)
            #expect(noChoice.text.contains("Bitte eine Teilnehmer*in wählen."))

            try await lead.get(AdminURL.edit(.part, .value(fixture.partID)).path)
            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            _ = try await lead.post(
                AdminURL.edit(.part, .value(fixture.partID)).path,
                [
                    ("number", "2"), ("title", part.title), ("focus", part.focus), ("startsOn", part.startsOn.iso), ("endsOn", part.endsOn.iso),
                    ("venueName", part.venueName), ("address", part.address), ("city", part.city), ("capacity", "5"),
                ])
            #expect(try await Registration.query(on: app.db).filter(\.$status == .registered).count() == 2)
            #expect(try await OutboxMessage.query(on: app.db).count() == 1)

            let registration = try #require(try await Registration.query(on: app.db).first())
            let cancelled = try await lead.post(AdminURL.cancelRegistration(.value(try registration.requireID())).path)
            #expect(cancelled.status == .seeOther)
            #expect(try await Registration.find(registration.requireID(), on: app.db)?.status == .cancelled)
        }
    }

    @Test("a long list of registrations: counts over everyone, a hundred registered to a page, the waitlist with its places, a search over all lists")
    func longLists() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await fixture.beforePartTwo(clock, on: app.db)
            try await Self.setCapacity(120, of: fixture.partID, on: app.db)
            let people = try await Fixture.participants(260, named: "Viele Person %03d", mail: "viele", memberOf: fixture.editionID, on: app)
            // The first 150 registered or waiting, the rest members without a registration.
            for (offset, user) in people.prefix(150).enumerated() {
                let index = offset + 1
                try await Fixture.register(
                    user, for: fixture.partID, status: index <= 120 ? .registered : .waitlisted, sequence: index, overnight: index <= 7,
                    diet: index <= 3 ? "vegan" : "none", photoConsent: index > 5, on: app)
            }
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let overview = AdminURL.registrations(.value(fixture.partID)).path

            let first = try await lead.get(overview).text
            #expect(first.contains("<dt>Angemeldet</dt><dd>120</dd>") && first.contains("<dt>Warteliste</dt><dd>30</dd>"))
            #expect(
                first.contains("<dt>Übernachtungen</dt><dd>7</dd>") && first.contains("vegan: 3") && first.contains("<dt>Ohne Foto-Einwilligung</dt><dd>5</dd>")
            )
            #expect(first.contains("120 Personen, hier 1 bis 100") && first.contains("Seite 1 von 2"))
            #expect(first.components(separatedBy: "Teilnahme absagen").count - 1 == 130, "100 registered and 30 waiting")
            #expect(first.contains("Zur Wahl stehen die ersten 100 ohne Anmeldung"))
            let second = try await lead.get(overview + "?seite=2").text
            #expect(second.contains("120 Personen, hier 101 bis 120") && second.contains("<td>Viele Person 120"))

            let waiting = try await lead.get(overview + "?suche=viele%20person%20140").text
            #expect(waiting.contains("<td>20</td><td>Viele Person 140"), "the place in the whole waitlist, also when searched")
            #expect(waiting.contains("<dt>Warteliste</dt><dd>30</dd>"), "the counts stay those of everyone")
            #expect(waiting.contains("Niemand gefunden.") && waiting.contains("Niemand ohne Anmeldung gefunden."))
            let member = try await lead.get(overview + "?suche=person%20255").text
            #expect(member.contains(">Viele Person 255</option>"), "a member beyond the first hundred is found for registering")
        }
    }
}
