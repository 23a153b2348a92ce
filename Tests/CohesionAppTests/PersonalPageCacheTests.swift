import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// Mein Programm kept per person: served with the session's statement alone (it reads the counters too),
/// built again after any write under it, whoever writes (plain SQL here, as a command would, or
/// another instance), and never after another person's own rows change.
@Suite("Mein Programm kept in memory")
struct PersonalPageCacheTests {
    /// The tables a statement reads: each name after FROM or JOIN.
    static func tables(in sql: String) -> Set<String> {
        let pattern = /(?i)\b(?:FROM|JOIN)\s+"?([a-z_]+)"?/
        // A common table expression's name (`WITH open AS (…)`) is read like a table but is none.
        let named = /(?i)(?:\bWITH|,)\s+([a-z_]+)\s+AS\s+(?:MATERIALIZED\s+)?\(/
        let expressions = Set(sql.matches(of: named).map { String($0.output.1) })
        return Set(sql.matches(of: pattern).map { String($0.output.1) }).subtracting(expressions)
    }

    /// The page's own part: the frame around it is drawn for each request anyway.
    static func main(_ html: String) -> Substring {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return Substring(html) }
        return html[start.lowerBound..<end.upperBound]
    }

    @Test("every table Mein Programm reads, for each role that has one, is declared, so its writes renew the kept page")
    func readsOnlyDeclaredTables() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let log = StatementLog()
            let declared = Set(FeatureCatalog.cohesion.personalPageTables.map(\.table))
            for role in [Role.participant, .facilitator, .lead] {
                var browser = Browser(app)
                try await browser.login(try #require(fixture.accounts[role]))
                app.cohesion.personalPages.forget()
                app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
                log.reset()
                #expect(try await browser.get(SiteURL.myProgramme.path).status == .ok)
                app.logger = Logger(label: "quiet")
                let read = log.sql.reduce(into: Set<String>()) { $0.formUnion(Self.tables(in: $1)) }
                #expect(read.count > 3, "\(role): the statements were seen")
                let bookkeeping: Set = ["web_sessions", PersonalRevision.table, PersonalRevision.sharedTable]
                let undeclared = read.subtracting(declared).subtracting(bookkeeping)
                #expect(undeclared.isEmpty, "\(role): Mein Programm reads \(undeclared.sorted()) without a trigger behind its kept page")
            }
        }
    }

    @Test("a kept page costs one statement, the session's with the counters; the person's own rows and shared rows renew it, another person's rows do not")
    func renewedByOwnAndSharedRows() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let sql = try #require(app.db as? any SQLDatabase)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let log = StatementLog()
            func page() async throws -> (main: Substring, statements: Int) {
                app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
                log.reset()
                let response = try await participant.get(SiteURL.myProgramme.path)
                app.logger = Logger(label: "quiet")
                #expect(response.status == .ok)
                return (Self.main(response.text), log.statements)
            }
            func fresh() async throws -> Substring {
                app.cohesion.personalPages.forget()
                return try await page().main
            }
            // The first visit makes the calendar address, a write of its own; the page after it is kept.
            _ = try await page()
            let kept = try await page()
            let again = try await page()
            #expect(again.statements == 1, "the session with both counters: \(again.statements) statements")
            #expect(again.main == kept.main)

            let me = try #require(try await User.query(on: app.db).filter(\.$email == fixture.accounts[.participant]!.email).first()).requireID()
            try await sql.raw("UPDATE registrations SET status = 'cancelled' WHERE user_id <> \(bind: me)").run()
            #expect(try await page().statements == 1, "another person's registrations leave this page kept")
            // What the seat lock writes for each registration: the part's arrival counter, which no page shows.
            try await sql.raw("UPDATE parts SET registration_sequence = registration_sequence + 1 WHERE edition_id = \(bind: fixture.editionID)").run()
            #expect(try await page().statements == 1, "a part's seat counter leaves this page kept")

            try await sql.raw("DELETE FROM edition_members WHERE user_id = \(bind: me)").run()
            let withoutEdition = try await page()
            #expect(withoutEdition.statements > 1, "own membership changed: built anew")
            #expect(withoutEdition.main != kept.main && withoutEdition.main.contains("noch keinem Durchlauf zugeordnet"))
            #expect(withoutEdition.main == (try await fresh()), "and the kept page is the one built anew")
            try await EditionMember(editionID: fixture.editionID, userID: me).create(on: app.db)
            #expect(try await page().main == kept.main, "back in the edition")

            try await sql.raw("UPDATE parts SET title = 'Teil mit neuem Titel' WHERE edition_id = \(bind: fixture.editionID) AND number = 1").run()
            let renamed = try await page()
            #expect(renamed.main.contains("Teil mit neuem Titel"), "a shared row, written by anyone, shows at once")
        }
    }

    @Test(
        "two instances on one PostgreSQL: a change through one shows on the other's kept Mein Programm at the next request",
        .enabled(if: TestDatabase.isPostgres, "instances share a PostgreSQL database"))
    func acrossInstances() async throws {
        try await withApp { first, _ in
            let fixture = try await Fixture.load(first)
            var atFirst = Browser(first)
            try await atFirst.login(try #require(fixture.accounts[.participant]))
            _ = try await atFirst.get(SiteURL.myProgramme.path)
            let before = Self.main(try await atFirst.get(SiteURL.myProgramme.path).text)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-second-\(UUID().uuidString)")
            let second = try await TemplateDatabase.application(first.cohesion.config.database, directory: directory)
            do {
                // The participant renews the calendar address through the second instance.
                var atSecond = atFirst.on(second)
                #expect(try await atSecond.post(SiteURL.renewCalendar.path).status == .seeOther)
                let renewed = Self.main(try await atSecond.get(SiteURL.myProgramme.path).text)
                #expect(renewed != before)
                let after = Self.main(try await atFirst.get(SiteURL.myProgramme.path).text)
                #expect(after == renewed, "the first instance shows the new address at once")
            } catch {
                Issue.record(error)
            }
            try? await second.asyncShutdown()
            try? FileManager.default.removeItem(at: directory)
        }
    }
}
