import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Collects what the application logs at debug; the database drivers log every statement there,
/// with its SQL.
final class StatementLog: Sendable {
    private let lines = NIOLockedValueBox<[(message: String, sql: String)]>([])

    /// Statements sent to the database (both drivers log each one with this message).
    var statements: Int { sql.count }
    /// The SQL of each statement, in order.
    var sql: [String] { lines.withLockedValue { $0.filter { $0.message == "Executing query" }.map(\.sql) } }
    func add(_ message: String, sql: String) { lines.withLockedValue { $0.append((message, sql)) } }
    func reset() { lines.withLockedValue { $0.removeAll() } }

    struct Handler: LogHandler {
        let log: StatementLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            log.add(event.message.description, sql: event.metadata?["sql"].map { "\($0)" } ?? "")
        }
    }
}

@Suite("Queries per page")
struct QueryCountTests {
    /// The hot pages of one edition, each with who opens it: what participants open every week,
    /// and every report.
    static func pages(edition: UUID, part: UUID, phase: UUID) -> [(path: String, role: Role?)] {
        [
            (SiteURL.part(.value(part)).path, nil), (SiteURL.myProgramme.path, .participant),
            (SiteURL.network.path, .participant), (SiteURL.peers.path, .participant),
            (SiteURL.assessments.path, .participant), (SiteURL.assessment(.value(phase)).path, .participant),
            (SiteURL.registration(.value(part)).path, .participant),
            (SiteURL.needs(.value(edition)).path, .lead), (SiteURL.cohortNetworks(.value(edition)).path, .lead),
            (SiteURL.change(.value(edition)).path, .lead), (SiteURL.feedbackOverview(.value(edition)).path, .lead),
            (SiteURL.cohortMap(.value(edition)).path, .lead), (SiteURL.partFeedback(.value(part)).path, .lead),
            (SiteURL.partnerReport(.value(edition)).path, .partner),
        ]
    }

    /// Three actors and a tie to each for every member of the editions, so the network pages and
    /// reports have something per person to (not) query one by one.
    static func addNetworks(editions: [UUID], on sql: any SQLDatabase) async throws {
        let postgres = sql.dialect.name == "postgresql"
        let id: SQLQueryString =
            postgres
            ? "gen_random_uuid()"
            : "hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))"
        let now: SQLQueryString = postgres ? "now()" : "unixepoch()"
        for kind in [ActorKind.jobcenter, .welfareAssociation, .migrantOrganisation] {
            try await sql.raw(
                """
                INSERT INTO network_actors (id, user_id, name, kind, contact, note, created_at)
                SELECT \(id), m.user_id, \(bind: kind.rawValue), \(bind: kind.rawValue), '', '', \(now)
                FROM edition_members m WHERE m.edition_id IN (\(binds: editions))
                """
            ).run()
        }
        try await sql.raw(
            """
            INSERT INTO network_ties (id, user_id, from_actor_id, to_actor_id, kind, intensity, status)
            SELECT \(id), a.user_id, NULL, a.id, 'cooperation', 2, 'exists'
            FROM network_actors a JOIN edition_members m ON m.user_id = a.user_id WHERE m.edition_id IN (\(binds: editions))
            """
        ).run()
    }

    @Test("each hot page and every report sends as many statements for an edition of 20 as for one of 5,000: none grows with the data")
    func constantPerPage() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            _ = try await ScaleData.seed(sizes: [20, 5_000], seed: 3, hasher: app.password, on: app.db) { _ in }
            let editions = try await Edition.query(on: app.db).filter(\.$title, .custom("LIKE"), ScaleData.titlePrefix + "%").all()
            #expect(editions.count == 2)
            let sql = try #require(app.db as? any SQLDatabase)
            try await Self.addNetworks(editions: try editions.map { try $0.requireID() }, on: sql)
            // The self-assessment is measured while it is open.
            try await sql.raw("UPDATE assessment_phases SET is_open = \(bind: true) WHERE edition_id IN (\(binds: try editions.map { try $0.requireID() }))")
                .run()
            let log = StatementLog()
            var counts: [[Int]] = []
            var sizes: [Int] = []
            for edition in editions {
                let editionID = try edition.requireID()
                sizes.append(try await EditionMember.query(on: app.db).filter(\.$edition.$id == editionID).count())
                let parts = try await Part.query(on: app.db).filter(\.$edition.$id == editionID).sort(\.$number).all()
                let part = try #require(parts.first)
                let phase = try #require(
                    try await AssessmentPhase.query(on: app.db).filter(\.$edition.$id == editionID).sort(\.$code).first())
                // A member of this edition who can sign in.
                let members = try await EditionMember.query(on: app.db).filter(\.$edition.$id == editionID).with(\.$user).limit(1).all()
                let member = try #require(members.first)
                member.user.passwordHash = try app.password.hash("ein-langes-passwort-zum-messen")
                try await member.user.save(on: app.db)
                var browsers: [Role: Browser] = [:]
                for role in [Role.lead, .partner] {
                    var browser = Browser(app)
                    try await browser.login(try #require(fixture.accounts[role]))
                    browsers[role] = browser
                }
                var participant = Browser(app)
                try await participant.login(email: member.user.email, password: "ein-langes-passwort-zum-messen")
                browsers[.participant] = participant
                // Each edition starts without kept sums or pages, so both count the same work.
                app.cohesion.reports.forget()
                app.cohesion.personalPages.forget()
                app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
                var row: [Int] = []
                for page in Self.pages(edition: editionID, part: try part.requireID(), phase: try phase.requireID()) {
                    var browser = page.role.flatMap { browsers[$0] } ?? Browser(app)
                    log.reset()
                    let response = try await browser.get(page.path)
                    #expect(response.status == .ok, "\(page.path)")
                    row.append(log.statements)
                }
                app.logger = Logger(label: "quiet")
                counts.append(row)
            }
            #expect(sizes.sorted() == [20, 5_000])
            let names = Self.pages(edition: UUID(), part: UUID(), phase: UUID()).map(\.path)
            for (index, name) in names.enumerated() {
                #expect(
                    counts[0][index] == counts[1][index],
                    "\(name): \(counts[0][index]) statements for \(sizes[0]), \(counts[1][index]) for \(sizes[1])")
                #expect(counts[0][index] <= 30, "\(name): \(counts[0][index]) statements")
            }
            print("statements per page:", zip(names, counts[1]).map { "\($0.0) \($0.1)" }.joined(separator: ", "))
        }
    }
}
