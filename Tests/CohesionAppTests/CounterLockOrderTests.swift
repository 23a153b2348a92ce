import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// The change counters behind kept pages must not make two writers wait on each other crosswise.
@Suite("Change counters under concurrent writers")
struct CounterLockOrderTests {
    @Test(
        "a write to a report's table, then a person's row, meets that person's own write in between: both commit, the report counter moves twice",
        .enabled(if: TestDatabase.isPostgres, "SQLite writes one transaction at a time")
    )
    func crosswiseWriters() async throws {
        try await withApp { first, _ in
            let person = try await Fixture.load(first).participantID
            let sql = try #require(first.db as? any SQLDatabase)
            struct Count: Decodable { let count: Int }
            let memberships = try await sql.raw("SELECT count(*) AS count FROM edition_members WHERE user_id = \(bind: person)").first(decoding: Count.self)
            try #require((memberships?.count ?? 0) > 0, "the demo's participant belongs to an edition")
            let before = try #require(try await ChangeCounter.value(of: ReportRevision.table, on: sql))

            // The person's own write runs on another instance's connection, as it would in production.
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-writers-\(UUID().uuidString)")
            let second = try await TemplateDatabase.application(first.cohesion.config.database, directory: directory)
            do {
                let (firstWrote, wrote) = AsyncStream<Void>.makeStream()
                let lead = Task {
                    try await first.db.transaction { db in
                        let sql = try #require(db as? any SQLDatabase)
                        // A report's table first (the register), then the person's membership.
                        try await sql.raw("UPDATE regions SET name = name WHERE id = (SELECT id FROM regions ORDER BY id LIMIT 1)").run()
                        wrote.yield()
                        try await Task.sleep(for: .milliseconds(600))
                        try await sql.raw("UPDATE edition_members SET user_id = user_id WHERE user_id = \(bind: person)").run()
                    }
                }
                for await _ in firstWrote { break }
                try await second.db.transaction { db in
                    let sql = try #require(db as? any SQLDatabase)
                    // Counted at the first write, the report counter's lock was the lead's until its commit:
                    // this write waited for it while the lead's second write waited for this row. PostgreSQL
                    // finds such a cycle after a second (deadlock_timeout) and ends one of them.
                    try await sql.raw("UPDATE edition_members SET user_id = user_id WHERE user_id = \(bind: person)").run()
                    try await Task.sleep(for: .milliseconds(1_500))
                }
                try await lead.value
                let after = try await ChangeCounter.value(of: ReportRevision.table, on: sql)
                #expect(after == before + 2, "each commit moves the report counter once")
            } catch {
                Issue.record(error)
            }
            try? await second.asyncShutdown()
            try? FileManager.default.removeItem(at: directory)
        }
    }

    @Test(
        "a transaction that writes many watched rows moves each counter once, at its commit, and a rolled-back one not at all",
        .enabled(if: TestDatabase.isPostgres, "SQLite keeps its row triggers")
    )
    func movedOncePerCommit() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            let sql = try #require(app.db as? any SQLDatabase)
            let before = try #require(try await ChangeCounter.value(of: ReportRevision.table, on: sql))
            let publicBefore = try #require(try await ChangeCounter.value(of: PublicRevision.table, on: sql))
            try await app.db.transaction { db in
                let sql = try #require(db as? any SQLDatabase)
                for _ in 0..<3 { try await sql.raw("UPDATE regions SET name = name").run() }
                try await sql.raw("UPDATE units SET title = title").run()
                // Inside the transaction nothing has moved yet: the counters move at the commit.
                #expect(try await ChangeCounter.value(of: ReportRevision.table, on: sql) == before)
            }
            #expect(try await ChangeCounter.value(of: ReportRevision.table, on: sql) == before + 1)
            #expect(try await ChangeCounter.value(of: PublicRevision.table, on: sql) == publicBefore + 1)

            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await app.db.transaction { db in
                    try await (db as? any SQLDatabase)?.raw("UPDATE regions SET name = name").run()
                    throw Refused()
                }
            }
            #expect(try await ChangeCounter.value(of: ReportRevision.table, on: sql) == before + 1)
            struct Count: Decodable { let count: Int }
            let queued = try await sql.raw("SELECT count(*) AS count FROM \(ident: MoveCountersAtCommit.table)").first(decoding: Count.self)
            #expect(queued?.count == 0, "the commit takes its queued row with it")
        }
    }
}
