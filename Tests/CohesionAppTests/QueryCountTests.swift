import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Logging
import NIOConcurrencyHelpers
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Collects what the application logs at debug; the database drivers log every statement there.
final class StatementLog: Sendable {
    private let lines = NIOLockedValueBox<[String]>([])

    /// Statements sent to the database (both drivers log each one with this message).
    var statements: Int { lines.withLockedValue { $0.filter { $0 == "Executing query" }.count } }
    func add(_ line: String) { lines.withLockedValue { $0.append(line) } }
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
            log.add(event.message.description)
        }
    }
}

@Suite("Queries per page")
struct QueryCountTests {
    /// The hot pages of one edition, each with who opens it.
    static func pages(edition: UUID, part: UUID) -> [(path: String, role: Role?)] {
        [
            (SiteURL.part(.value(part)).path, nil), (SiteURL.myProgramme.path, .participant),
            (SiteURL.needs(.value(edition)).path, .lead), (SiteURL.cohortNetworks(.value(edition)).path, .lead),
            (SiteURL.change(.value(edition)).path, .lead), (SiteURL.feedbackOverview(.value(edition)).path, .lead),
            (SiteURL.partnerReport(.value(edition)).path, .partner),
        ]
    }

    @Test("each hot page sends as many statements for an edition of 20 as for one of 380: none grows with the data")
    func constantPerPage() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            _ = try await ScaleData.seed(participants: 400, editions: 2, seed: 3, hasher: app.password, on: app.db) { _ in }
            let editions = try await Edition.query(on: app.db).filter(\.$title, .custom("LIKE"), ScaleData.titlePrefix + "%").all()
            #expect(editions.count == 2)
            let log = StatementLog()
            app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
            var counts: [[Int]] = []
            for edition in editions {
                let editionID = try edition.requireID()
                let parts = try await Part.query(on: app.db).filter(\.$edition.$id == editionID).sort(\.$number).all()
                let part = try #require(parts.first)
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
                // Each edition starts without kept report sums, so both count the same work.
                app.cohesion.reports.forget()
                var row: [Int] = []
                for page in Self.pages(edition: editionID, part: try part.requireID()) {
                    var browser = page.role.flatMap { browsers[$0] } ?? Browser(app)
                    log.reset()
                    let response = try await browser.get(page.path)
                    #expect(response.status == .ok, "\(page.path)")
                    row.append(log.statements)
                }
                counts.append(row)
            }
            let names = Self.pages(edition: UUID(), part: UUID()).map(\.path)
            for (index, name) in names.enumerated() {
                #expect(counts[0][index] == counts[1][index], "\(name): \(counts[0][index]) statements for 20, \(counts[1][index]) for 380")
                #expect(counts[0][index] > 0 && counts[0][index] <= 30, "\(name): \(counts[0][index]) statements")
            }
            print("statements per page:", zip(names, counts[1]).map { "\($0.0.split(separator: "/").last ?? "") \($0.1)" }.joined(separator: ", "))
        }
    }
}
