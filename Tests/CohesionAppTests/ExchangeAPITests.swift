import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Logging
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The API between the parts")
struct ExchangeAPITests {
    @Test("read the board, post a question and an answer with a read-write token; a read token may not write; errors name the JSON fields")
    func board() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var client = Browser(app)
            client.bearer = try await APITokenTests.token(app, fixture, .participant, now: clock.now)
            let path = "/api/v1/editions/\(fixture.editionID)/board"
            let empty = try await client.api(.POST, path + "/posts", json: #"{"title":"Nur Titel","body":"  "}"#)
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("\"body\":\"Bitte einen Text angeben.\""))
            // An unknown field named "" (reported for the whole body) and the missing "body" at once: schemathesis found it stopping the server.
            let both = try await client.api(.POST, path + "/posts", json: #"{"":1}"#)
            #expect(both.status == .unprocessableEntity)
            let created = try await client.api(.POST, path + "/posts", json: #"{"title":"Beirat","body":"Wie **besetzt** ihr ihn?"}"#)
            #expect(created.status == .created)
            let id = try JSONDecoder().decode([String: String].self, from: Data(created.text.utf8))["id"] ?? ""
            var facilitator = Browser(app)
            facilitator.bearer = try await APITokenTests.token(app, fixture, .facilitator, now: clock.now)
            #expect(try await facilitator.api(.POST, path + "/posts", json: #"{"body":"Offen einladen.","parentID":"\#(id)"}"#).status == .created)
            let board = try await client.api(.GET, path)
            #expect(board.status == .ok)
            #expect(board.text.contains("\"title\":\"Beirat\"") && board.text.contains("Wie **besetzt** ihr ihn?"))
            #expect(board.text.contains("\"kind\":\"antwort\"") && board.text.contains("\"author\":\"Leyla Demir\""))

            var reader = Browser(app)
            reader.bearer = try await APITokenTests.token(app, fixture, .participant, scope: .read, now: clock.now)
            #expect(try await reader.api(.GET, path).status == .ok)
            #expect(try await reader.api(.POST, path + "/posts", json: #"{"title":"x","body":"y"}"#).status == .forbidden)
            var partner = Browser(app)
            partner.bearer = try await APITokenTests.token(app, fixture, .partner, now: clock.now)
            #expect(try await partner.api(.GET, path).status == .forbidden)
        }
    }

    @Test("list the lunch meetings, propose, vote to the budget (409 past it), withdraw")
    func lunch() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let (seriesID, meeting) = try await LunchMeetingTests.meeting(app, fixture, clock: clock)
            try await LunchMeetingTests.register(fixture.participantID, series: seriesID, on: app.db)
            let meetingID = try meeting.requireID()
            var client = Browser(app)
            client.bearer = try await APITokenTests.token(app, fixture, .participant, now: clock.now)
            var items: [String] = []
            for text in ["Haushalt", "Beirat", "Ehrenamt", "Sprachmittlung"] {
                let created = try await client.api(.POST, "/api/v1/lunch-meetings/\(meetingID)/items", json: #"{"text":"\#(text)"}"#)
                #expect(created.status == .created)
                items.append(try JSONDecoder().decode([String: String].self, from: Data(created.text.utf8))["id"] ?? "")
            }
            for item in items.prefix(3) {
                #expect(try await client.api(.PUT, "/api/v1/lunch-meetings/\(meetingID)/items/\(item)/vote").status == .noContent)
            }
            let past = try await client.api(.PUT, "/api/v1/lunch-meetings/\(meetingID)/items/\(items[3])/vote")
            #expect(past.status == .conflict && past.text.contains("Sie haben alle 3 Stimmen"))
            #expect(try await client.api(.DELETE, "/api/v1/lunch-meetings/\(meetingID)/items/\(items[0])/vote").status == .noContent)
            #expect(try await client.api(.PUT, "/api/v1/lunch-meetings/\(meetingID)/items/\(items[3])/vote").status == .noContent)
            let list = try await client.api(.GET, "/api/v1/lunch-meetings")
            #expect(list.status == .ok)
            #expect(list.text.contains("\"votesLeft\":0") && list.text.contains("\"registered\":true"))
            #expect(!list.text.contains("videoURL"), "a week ahead: no address")
            let unknown = try await client.api(.PUT, "/api/v1/lunch-meetings/\(meetingID)/items/\(UUID())/vote")
            #expect(unknown.status == .notFound)

            // The list's statements do not grow with the meetings: three more of the series, each with a topic.
            let log = StatementLog()
            app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
            let before = try await client.api(.GET, "/api/v1/lunch-meetings")
            let forOne = log.statements
            for weeks in 2...4 {
                let later = LunchMeeting()
                later.$series.id = seriesID
                later.startsAt = meeting.startsAt.addingTimeInterval(Double(weeks) * 7 * 86_400)
                later.endsAt = meeting.endsAt.addingTimeInterval(Double(weeks) * 7 * 86_400)
                later.agendaFreezesAt = meeting.agendaFreezesAt.addingTimeInterval(Double(weeks) * 7 * 86_400)
                later.notes = ""
                later.createdAt = clock.now
                try await later.create(on: app.db)
                _ = try await LunchMeetingTests.item("Thema \(weeks)", by: fixture.facilitatorID, in: later, at: clock.now, on: app.db)
            }
            log.reset()
            let after = try await client.api(.GET, "/api/v1/lunch-meetings")
            app.logger = Logger(label: "quiet")
            #expect(before.status == .ok && after.status == .ok)
            #expect(after.text.contains("Thema 2") && after.text.contains("Thema 4") && after.text.contains("Sprachmittlung"))
            #expect(log.statements == forOne, "\(forOne) statements for one meeting, \(log.statements) for four")
        }
    }
}
