import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// A server killed with SIGKILL in the middle of registrations, attendance and survey answers
/// loses nothing it confirmed and stores nothing twice (on the suite's database: SQLite or PostgreSQL).
@Suite("Crash safety", .serialized)
struct CrashSafetyTests {
    /// One request the test fires, with what a success means for the database.
    enum Action: Sendable, Hashable {
        case register(userID: UUID)
        case attendance(unitID: UUID, userID: UUID, status: AttendanceStatus)
        case answer(userID: UUID)
    }

    /// The world the requests act on: a part open for registration, a past part with its units, an open survey.
    struct Scene: Sendable {
        let openPartID: UUID
        let units: [UUID]
        let surveyID: UUID
        let questionID: UUID
        let people: [(id: UUID, email: String, token: String)]
        let leadToken: String
        static let password = "absturz-sicher-2026"
    }

    static func prepare(_ app: Application, people count: Int) async throws -> Scene {
        let fixture = try await Fixture.load(app)
        let today = BerlinTime.day(of: Date())
        let db = app.db
        let open = try #require(try await Part.find(fixture.partID, on: db))
        open.startsOn = today.adding(days: 60)
        open.endsOn = today.adding(days: 62)
        open.capacity = 1000
        try await open.save(on: db)
        let units = try await Unit.query(on: db).filter(\.$part.$id == fixture.firstPartID).sort(\.$startsAt).all().map { try $0.requireID() }
        let survey = Survey()
        survey.$part.id = fixture.firstPartID
        survey.title = "Rückmeldung nach dem Absturz"
        survey.anonymous = true
        survey.opensOn = today.adding(days: -1).iso
        survey.closesOn = today.adding(days: 30).iso
        try await survey.create(on: db)
        let question = SurveyQuestion()
        question.$survey.id = try survey.requireID()
        question.position = 1
        question.kind = .scale
        question.text = "Wie hilfreich war der Teil?"
        question.options = ""
        try await question.create(on: db)
        let hash = try app.password.hash(Scene.password)
        var people: [(UUID, String, String)] = []
        for index in 1...count {
            let user = User(email: "absturz-\(index)@kommune.example", name: "Person \(index)", role: .participant, passwordHash: hash)
            try await user.create(on: db)
            let id = try user.requireID()
            try await EditionMember(editionID: fixture.editionID, userID: id).create(on: db)
            let registration = Registration()
            registration.$part.id = fixture.firstPartID
            registration.$user.id = id
            registration.status = .registered
            registration.sequence = index
            registration.overnight = false
            registration.diet = "none"
            registration.dietNote = ""
            registration.accessibility = ""
            registration.photoConsent = false
            try await registration.create(on: db)
            // Present at the first unit: that makes them someone the survey asks.
            let attendance = Attendance()
            attendance.$unit.id = units[0]
            attendance.$user.id = id
            attendance.status = .present
            try await attendance.create(on: db)
            people.append((id, user.email, try await APIToken.make(for: id, name: "Absturz", scope: .readWrite, days: 30, now: Date(), on: db)))
        }
        let lead = try #require(try await User.query(on: db).filter(\.$role == .lead).first())
        let leadToken = try await APIToken.make(for: try lead.requireID(), name: "Absturz", scope: .readWrite, days: 30, now: Date(), on: db)
        return Scene(
            openPartID: try open.requireID(), units: Array(units.dropFirst()), surveyID: try survey.requireID(),
            questionID: try question.requireID(), people: people, leadToken: leadToken)
    }

    /// Refusals seen while firing, with their status and the start of the answer, for the failure message.
    static let refusals = RefusalLog()

    /// Sends one action; true when the server confirmed it, false when it refused, nil when no answer came (the kill).
    static func send(_ action: Action, scene: Scene, server: String, client: any Client, browsers: [UUID: RemoteBrowser]) async -> Bool? {
        do {
            let response = try await respond(action, scene: scene, server: server, client: client, browsers: browsers)
            let status = response.status
            // Overloaded (every connection busy beyond the wait, as on a loaded test machine): the
            // server changed nothing and asks to try again later, so it counts as no answer and is retried.
            if status == .serviceUnavailable, response.headers.first(name: .retryAfter) != nil { return nil }
            let confirmed: Bool
            switch action {
            case .register: confirmed = status == .ok
            case .attendance: confirmed = status == .noContent
            case .answer: confirmed = status == .seeOther
            }
            if !confirmed { refusals.add("\(action): \(status.code) \(gist(response.body.map { String(buffer: $0) } ?? ""))") }
            return confirmed
        } catch {
            return nil
        }
    }

    /// The text of an answer without its markup, where a page's message is.
    private static func gist(_ body: String) -> String {
        let main = body.range(of: "<main").map { String(body[$0.lowerBound...]) } ?? body
        let text = main.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return String(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").prefix(400))
    }

    private static func respond(
        _ action: Action, scene: Scene, server: String, client: any Client, browsers: [UUID: RemoteBrowser]
    ) async throws -> ClientResponse {
        switch action {
        case .register(let userID):
            let token = scene.people.first { $0.id == userID }!.token
            let response = try await client.put(
                URI(string: server + "/api/v1/parts/\(scene.openPartID)/registration"),
                headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"]
            ) { request in
                request.body = ByteBuffer(string: #"{"overnight":true,"diet":"vegetarian","photoConsent":false}"#)
            }
            return response
        case .attendance(let unitID, let userID, let status):
            let response = try await client.put(
                URI(string: server + "/api/v1/units/\(unitID)/attendance/\(userID)"),
                headers: ["Authorization": "Bearer \(scene.leadToken)", "Content-Type": "application/json"]
            ) { request in
                request.body = ByteBuffer(string: #"{"status":"\#(status.rawValue)"}"#)
            }
            return response
        case .answer(let userID):
            var browser = browsers[userID]!
            return try await browser.post(SiteURL.survey(.value(scene.surveyID)).path, [("q-\(scene.questionID.uuidString)", "4")])
        }
    }

    @Test("SIGKILL in the middle of concurrent writes: every confirmed request is stored, nothing twice, the database is intact")
    func killedWhileWriting() async throws {
        try await withApp { app, _ in
            let scene = try await Self.prepare(app, people: 24)
            app.http.client.configuration.redirectConfiguration = .disallow
            app.http.client.configuration.timeout = .init(connect: .seconds(2), read: .seconds(20))
            let database = app.cohesion.config.database
            var server = try await ServerProcess(database: database, client: app.client)
            var browsers: [UUID: RemoteBrowser] = [:]
            for person in scene.people {
                var browser = RemoteBrowser(app.client, baseURL: server.baseURL)
                try await browser.login(email: person.email, password: Scene.password)
                try await browser.get(SiteURL.survey(.value(scene.surveyID)).path)
                browsers[person.id] = browser
            }
            let statuses = AttendanceStatus.allCases
            var actions: [Action] = []
            for (index, person) in scene.people.enumerated() {
                actions.append(.register(userID: person.id))
                actions.append(.answer(userID: person.id))
                for (number, unit) in scene.units.enumerated() {
                    actions.append(.attendance(unitID: unit, userID: person.id, status: statuses[(index + number) % statuses.count]))
                }
            }
            actions.shuffle()

            // Eight at a time; the kill comes when a third have been answered.
            let answered = ManagedAtomicCounter()
            let killAt = actions.count / 3
            let base = server.baseURL
            let client = app.client
            let frozen = browsers
            let process = server
            let outcomes = await withTaskGroup(of: (Action, Bool?).self) { group in
                var results: [(Action, Bool?)] = []
                var pending = actions.makeIterator()
                func next(_ group: inout TaskGroup<(Action, Bool?)>) {
                    guard let action = pending.next() else { return }
                    group.addTask {
                        let outcome = await Self.send(action, scene: scene, server: base, client: client, browsers: frozen)
                        if outcome != nil, answered.increment() == killAt { process.stop(signal: SIGKILL) }
                        return (action, outcome)
                    }
                }
                for _ in 0..<8 { next(&group) }
                for await result in group {
                    results.append(result)
                    next(&group)
                }
                return results
            }
            #expect(!server.process.isRunning)
            let confirmed = outcomes.filter { $0.1 == true }.map(\.0)
            let unanswered = outcomes.filter { $0.1 == nil }.map(\.0)
            #expect(confirmed.count >= killAt - 8 && !unanswered.isEmpty, "killed in the middle: \(confirmed.count) confirmed, \(unanswered.count) unanswered")
            if outcomes.contains(where: { $0.1 == false }) {
                let log = (try? String(contentsOf: server.log, encoding: .utf8)) ?? ""
                Issue.record("nothing refused before the kill: \(Self.refusals.all); the server's log: \(log.suffix(3000))")
            }

            // Restart on the same database, and retry what got no answer, as a client would.
            server = try await ServerProcess(database: database, client: app.client)
            var retried: [Action] = []
            for action in unanswered {
                var browsers = browsers
                if case .answer(let userID) = action {
                    var browser = RemoteBrowser(app.client, baseURL: server.baseURL)
                    try await browser.login(email: scene.people.first { $0.id == userID }!.email, password: Scene.password)
                    browsers[userID] = browser
                    // Answered before the kill after all: the survey no longer asks, and a repeat stores nothing.
                    guard try await browser.get(SiteURL.survey(.value(scene.surveyID)).path).status == .ok else { continue }
                }
                if await Self.send(action, scene: scene, server: server.baseURL, client: app.client, browsers: browsers) == true { retried.append(action) }
            }
            server.stop()

            try await Self.checkStored(confirmed + retried, scene: scene, on: app.db)
            try await Self.checkIntegrity(app.db)
            let stored = try await Registration.query(on: app.db).filter(\.$part.$id == scene.openPartID).count()
            // The figures for the record: fired, answered before the kill, lost with it, stored in the end.
            print(
                "crash safety: \(actions.count) requests fired, \(confirmed.count) confirmed before SIGKILL, "
                    + "\(unanswered.count) without answer, \(retried.count) retried after restart, \(stored) registrations stored, 0 confirmed lost")
        }
    }

    static func checkStored(_ confirmed: [Action], scene: Scene, on db: any Database) async throws {
        let registrations = try await Registration.query(on: db).filter(\.$part.$id == scene.openPartID).all()
        let attendance = try await Attendance.query(on: db).filter(\.$unit.$id ~~ scene.units).all()
        let participations = try await SurveyParticipation.query(on: db).filter(\.$survey.$id == scene.surveyID).all()
        for action in confirmed {
            switch action {
            case .register(let userID):
                #expect(registrations.contains { $0.$user.id == userID && $0.diet == "vegetarian" }, "confirmed registration stored")
            case .attendance(let unitID, let userID, let status):
                #expect(attendance.contains { $0.$unit.id == unitID && $0.$user.id == userID && $0.status == status }, "confirmed attendance stored")
            case .answer(let userID):
                #expect(participations.contains { $0.$user.id == userID }, "confirmed answer stored")
            }
        }
        #expect(Set(registrations.map { $0.$user.id }).count == registrations.count, "no registration twice")
        #expect(Set(attendance.map { "\($0.$unit.id)\($0.$user.id)" }).count == attendance.count, "no attendance twice")
        #expect(Set(participations.map { $0.$user.id }).count == participations.count, "nobody answered twice")
        let responses = try await SurveyResponse.query(on: db).filter(\.$survey.$id == scene.surveyID).all()
        let answers = try await SurveyAnswer.query(on: db).filter(\.$question.$id == scene.questionID).count()
        #expect(responses.count == participations.count && answers == responses.count, "each answer once, none without its participation")
    }

    /// SQLite's own check and its foreign keys; on PostgreSQL amcheck over every index.
    static func checkIntegrity(_ db: any Database) async throws {
        let sql = try #require(db as? any SQLDatabase)
        if sql.dialect.name == "sqlite" {
            struct Check: Decodable { let integrityCheck: String }
            #expect(try await sql.raw("PRAGMA integrity_check").all(decoding: Check.self, with: .snakeCaseColumns).map(\.integrityCheck) == ["ok"])
            #expect(try await sql.raw("PRAGMA foreign_key_check").all().isEmpty)
        } else {
            try await sql.raw("CREATE EXTENSION IF NOT EXISTS amcheck").run()
            // Every B-tree index of the schema, checked against its table (heapallindexed): it fails with an error if not intact.
            let checked = try await sql.raw(
                """
                SELECT bt_index_check(c.oid::regclass, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE a.amname = 'btree' AND n.nspname = current_schema()
                """
            ).all()
            #expect(checked.count > 20)
        }
    }
}

/// Collects refusals across the request tasks.
final class RefusalLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}

/// Counts answers across the request tasks.
final class ManagedAtomicCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// The new value.
    func increment() -> Int {
        lock.withLock {
            value += 1; return value
        }
    }
}
