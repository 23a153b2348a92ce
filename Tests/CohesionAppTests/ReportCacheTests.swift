import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Logging
import SQLKit
import Testing
import Vapor

@testable import CohesionApp

/// Report sums kept in memory: read again without recomputing, recomputed after any write under
/// them, whoever writes (here plain SQL, as another instance or a command would).
@Suite("Report sums kept in memory")
struct ReportCacheTests {
    private struct Sum: Hashable { let area: UUID; let group: String; let answers: Int; let needSum: Int; let strong: Int }

    @Test("a kept sum is served with one small read; a rating, a profile and the register each renew it")
    func keptUntilChanged() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let log = StatementLog()
            let db = try #require(
                app.databases.database(
                    logger: Logger(label: "statements") { _ in StatementLog.Handler(log: log) },
                    on: app.eventLoopGroup.any()) as? any SQLDatabase)
            let phase = try #require(try await AssessmentQueries.phases(editionID: fixture.editionID, on: db).first { $0.respondents > 0 })
            let cache = ReportCache()
            func sums(_ dimension: ContextDimension, cache: ReportCache?) async throws -> Set<Sum> {
                Set(
                    try await EvaluationData.needs(phaseID: phase.id, by: dimension, cache: cache, on: db).map {
                        Sum(area: $0.area, group: $0.group, answers: $0.answers, needSum: $0.needSum, strong: $0.strong)
                    })
            }

            let first = try await sums(.kind, cache: cache)
            log.reset()
            #expect(try await sums(.kind, cache: cache) == first)
            #expect(log.statements == 1, "only the change counter is read")

            struct Rater: Decodable { let id: UUID; let userID: UUID }
            let rater = try #require(
                try await db.raw(
                    """
                    SELECT sa.id, sa.user_id FROM self_assessments sa JOIN profiles p ON p.user_id = sa.user_id JOIN regions r ON r.key = p.region_key
                    WHERE sa.phase_id = \(bind: phase.id) AND p.region_key IS NOT NULL ORDER BY sa.id LIMIT 1
                    """
                )
                .first(decoding: Rater.self, with: .snakeCaseColumns))
            try await db.raw("UPDATE self_assessments SET need = CASE WHEN need < 3 THEN need + 1 ELSE need - 1 END WHERE id = \(bind: rater.id)").run()
            let afterRating = try await sums(.kind, cache: cache)
            let freshRating = try await sums(.kind, cache: nil)
            #expect(afterRating != first && afterRating == freshRating, "a rating changed")

            let byEmbedding = try await sums(.embedding, cache: cache)
            try await db.raw("UPDATE profiles SET embedding = \(bind: Embedding.staffUnit.rawValue) WHERE user_id = \(bind: rater.userID)").run()
            try await db.raw("UPDATE profiles SET embedding = \(bind: Embedding.officeUnit.rawValue) WHERE user_id <> \(bind: rater.userID)").run()
            let movedProfiles = try await sums(.embedding, cache: cache)
            let freshProfiles = try await sums(.embedding, cache: nil)
            #expect(movedProfiles != byEmbedding && movedProfiles == freshProfiles, "profiles moved between groups")

            try await db.raw("UPDATE regions SET kind = 'Testgemeinde' WHERE key IN (SELECT region_key FROM profiles WHERE user_id = \(bind: rater.userID))")
                .run()
            let renamedKind = try await sums(.kind, cache: cache)
            let freshKind = try await sums(.kind, cache: nil)
            #expect(renamedKind.contains { $0.group == "Testgemeinde" } && renamedKind == freshKind, "the register changed")
        }
    }

    @Test("a whole report kept: the second request reads the session, the access check and the counter only, and every table only the first read is watched")
    func wholeReportsKept() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let log = StatementLog()
            let watched = Set(FeatureCatalog.cohesion.reportTables)
            let survey = try #require(try await Survey.query(on: app.db).first()?.requireID())
            // `live`: statements a kept page still sends for what it shows beside the report.
            let pages: [(path: String, role: Role, live: Int)] = [
                (SiteURL.partnerReport(.value(fixture.editionID)).path, .partner, 0), (SiteURL.partnerReport(.value(fixture.editionID)).path, .lead, 0),
                (SiteURL.cohortNetworks(.value(fixture.editionID)).path, .lead, 0),
                (SiteURL.programmeReport(.value(fixture.programmeID)).path, .partner, 0),
                (SiteURL.cohortMap(.value(fixture.editionID)).path, .lead, 0), (SiteURL.cohortMap(.value(fixture.editionID)).path, .partner, 0),
                (SiteURL.peers.path, .participant, 0),
                // The certificates of the hundred people shown.
                (AdminURL.completion(.value(fixture.editionID)).path, .lead, 1),
                // The survey and its questions, which the editor changes.
                (AdminURL.survey(.value(survey)).path, .lead, 2),
                // Kept lists and the region profile (shelves of their own).
                (SiteURL.attendance(.value(fixture.unitID)).path, .lead, 0),
                (SiteURL.attendance(.value(fixture.unitID)).path + "?seite=1", .lead, 0),
                (SiteURL.signInList(.value(fixture.unitID)).path, .lead, 0),
                (AdminURL.registrations(.value(fixture.partID)).path, .lead, 0),
                (SiteURL.regionProfile(.value("08335043")).path, .lead, 0),
                // The needs page with its trace of decisions, kept whole; the counter is read twice,
                // once for the edition's phases (only a phase of the edition goes into the key).
                (SiteURL.needs(.value(fixture.editionID)).path, .lead, 1),
                (SiteURL.needs(.value(fixture.editionID)).path + "?kontext=groesse&zeitpunkt=\(UUID())", .facilitator, 1),
            ]
            for page in pages {
                var browser = Browser(app)
                try await browser.login(try #require(fixture.accounts[page.role]))
                app.cohesion.reports.forget()
                app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
                log.reset()
                let first = try await browser.get(page.path)
                let read = log.sql.reduce(into: Set<String>()) { $0.formUnion(PersonalPageCacheTests.tables(in: $1)) }
                log.reset()
                let second = try await browser.get(page.path)
                app.logger = Logger(label: "quiet")
                #expect(first.status == .ok && second.status == .ok)
                // Kept: the session, the access check of the object, the counter; nothing of the report itself.
                #expect(log.sql.count <= 4 + page.live, "\(page.path) as \(page.role): \(log.sql.count) statements when kept")
                #expect(log.sql.contains { $0.contains(ReportRevision.table) })
                let live = log.sql.reduce(into: Set<String>()) { $0.formUnion(PersonalPageCacheTests.tables(in: $1)) }
                let unwatched = read.subtracting(live).subtracting(watched)
                #expect(unwatched.isEmpty, "\(page.path) reads \(unwatched.sorted()) without a report trigger")
                #expect(PersonalPageCacheTests.main(first.text) == PersonalPageCacheTests.main(second.text))
            }
        }
    }

    @Test("kept lists and region profiles show a change written elsewhere at the next request")
    func keptListsRenewed() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app, withRegistration: true)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let sql = try #require(app.db as? any SQLDatabase)
            struct Person: Decodable { let userID: UUID }
            let person = try #require(
                try await sql.raw(
                    "SELECT user_id FROM registrations WHERE part_id = \(bind: fixture.partID) AND status = 'registered' ORDER BY user_id LIMIT 1"
                ).first(decoding: Person.self, with: .snakeCaseColumns))
            let attendance = SiteURL.attendance(.value(fixture.unitID)).path
            let registrations = AdminURL.registrations(.value(fixture.partID)).path
            let profile = SiteURL.regionProfile(.value("08335043")).path
            for path in [attendance, registrations, profile, attendance + "?suche=Zeynep"] {
                #expect(try await lead.get(path).status == .ok)
                #expect(!(try await lead.get(path).text.contains("Zeynep Neuname")))
            }
            // As another instance or a command would write: plain SQL, no cache told.
            try await sql.raw("UPDATE users SET name = 'Zeynep Neuname' WHERE id = \(bind: person.userID)").run()
            try await sql.raw("UPDATE regions SET name = 'Konstanz am Rhein' WHERE key = '08335043'").run()
            #expect(try await lead.get(attendance).text.contains("Zeynep Neuname"))
            #expect(try await lead.get(attendance + "?suche=Zeynep").text.contains("Zeynep Neuname"))
            #expect(try await lead.get(registrations).text.contains("Zeynep Neuname"))
            #expect(try await lead.get(profile).text.contains("Konstanz am Rhein"))
        }
    }

    @Test("the lead's needs page shows changed ratings at once")
    func pageRenewed() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let before = try await lead.get(SiteURL.needs(.value(fixture.editionID)).path).text
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("UPDATE self_assessments SET need = 4").run()
            let after = try await lead.get(SiteURL.needs(.value(fixture.editionID)).path).text
            #expect(before.contains("10 Personen haben geantwortet") && before != after)
            #expect(after.contains("4,0"), "every mean need is now 4")
        }
    }
}
