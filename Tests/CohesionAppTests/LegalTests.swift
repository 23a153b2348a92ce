import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The pages a public body needs, and the privacy statement's list of what is stored.
@Suite("Legal pages")
struct LegalTests {
    @Test("every page links the four legal pages; the admin writes them, escaped, with subheadings")
    func editedByTheAdmin() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var visitor = Browser(app)
            let home = try await visitor.get("/").text
            for kind in LegalPageKind.allCases { #expect(home.contains("<a href=\"/\(kind.rawValue)\">\(kind.title)</a>")) }
            #expect(try await visitor.get("/impressum").text.contains("§ 5 DDG"), "a default until the admin writes it")

            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            try await admin.get(AdminURL.legalPage(.value("impressum")).path)
            let empty = try await admin.post(AdminURL.legalPage(.value("impressum")).path, [("body", "  ")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Bitte den Text der Seite angeben."))
            let saved = try await admin.post(
                AdminURL.legalPage(.value("impressum")).path,
                [("body", "Universität Konstanz\nUniversitätsstraße 10\n\n## Vertreten durch\n\n<script>alert(1)</script>")])
            #expect(saved.status == .seeOther)
            let page = try await visitor.get("/impressum").text
            #expect(page.contains("<p>Universität Konstanz<br>Universitätsstraße 10</p>") && page.contains("<h2>Vertreten durch</h2>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.contains("<script>alert"))
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            #expect(try await lead.get(AdminURL.legalPage(.value("impressum")).path).status == .forbidden, "the admin's, not the lead's")
        }
    }

    @Test("feedback on barriers reaches every admin by mail; an empty message keeps what was typed and sends nothing")
    func accessibilityFeedback() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            var visitor = Browser(app)
            try await visitor.get("/barrierefreiheit")
            let empty = try await visitor.post("/barrierefreiheit", [("message", ""), ("contact", "a@b.de")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("value=\"a@b.de\""))
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            let sent = try await visitor.post("/barrierefreiheit", [("message", "Die Karte ist ohne Maus nicht bedienbar."), ("contact", "")])
            #expect(sent.status == .seeOther)
            #expect(try await visitor.get("/barrierefreiheit").text.contains("Danke! Ihre Rückmeldung ist bei der Administration angekommen."))
            let admins = try await User.query(on: app.db).filter(\.$role == .admin).all().map(\.email)
            let mails = try await OutboxMessage.query(on: app.db).all()
            #expect(!admins.isEmpty && Set(mails.map(\.recipient)) == Set(admins))
            #expect(mails.allSatisfy { $0.body.contains("Die Karte ist ohne Maus nicht bedienbar.") })
        }
    }

    @Test("every table that refers to a person is declared with its data, purpose and period, and the privacy statement lists them")
    func personalDataDeclared() async throws {
        try await withApp { app, _ in
            let sql = try #require(app.db as? any SQLDatabase)
            struct Column: Decodable { let tableName: String; let columnName: String }
            let columns: [Column] =
                sql.dialect.name == "sqlite"
                ? try await sql.raw(
                    """
                    SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p
                    WHERE m.type = 'table'
                    """
                ).all(decoding: Column.self, with: .snakeCaseColumns)
                : try await sql.raw(
                    """
                    SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()
                    """
                ).all(decoding: Column.self, with: .snakeCaseColumns)
            // A column that names a person: an account, its author, a respondent, an address. The
            // caches' change counters hold an account's id and a number, no data of the person.
            let personal = Set(
                columns.filter { column in
                    let namesPerson =
                        ["user_id", "respondent_id", "email", "recipient"].contains(column.columnName)
                        || column.columnName.hasSuffix("_by") || column.columnName.hasSuffix("_by_id")
                    return namesPerson && !TableRows.bookkeeping.contains(column.tableName)
                }.map(\.tableName)
            ).union(["users"])
            let declared = Set(FeatureCatalog.cohesion.personalData.map(\.table))
            #expect(personal.subtracting(declared).isEmpty, "undeclared: \(personal.subtracting(declared).sorted())")
            #expect(declared.subtracting(Set(columns.map(\.tableName))).isEmpty, "declared but no such table")

            var visitor = Browser(app)
            let statement = try await visitor.get("/datenschutz").text
            #expect(statement.contains("Welche Daten Cohesion speichert"))
            for item in FeatureCatalog.cohesion.personalData { #expect(statement.contains(item.purpose), "\(item.table)") }
        }
    }

    @Test("every column that links a row to a person leads an index, so a data export or an erasure reads that person's rows only")
    func personalLinksIndexed() async throws {
        try await withApp { app, _ in
            struct Leading: Decodable { let tableName: String; let columnName: String }
            let leading: [Leading] =
                app.sql.dialect.name == "sqlite"
                ? try await app.sql.raw(
                    """
                    SELECT m.name AS table_name, i.name AS column_name FROM sqlite_master m JOIN pragma_index_list(m.name) l
                    JOIN pragma_index_info(l.name) i ON i.seqno = 0 WHERE m.type = 'table'
                    """
                ).all(decoding: Leading.self, with: .snakeCaseColumns)
                : try await app.sql.raw(
                    """
                    SELECT t.relname AS table_name, a.attname AS column_name FROM pg_index x
                    JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0] WHERE n.nspname = current_schema()
                    """
                ).all(decoding: Leading.self, with: .snakeCaseColumns)
            let indexed = Set(leading.map { "\($0.tableName).\($0.columnName)" })
            let links = FeatureCatalog.cohesion.personalData.flatMap { item in item.links.map { "\(item.table).\($0.column)" } }
            let missing = Set(links).subtracting(indexed).subtracting(["users.id"]).sorted()
            #expect(missing.isEmpty, "without an index: \(missing)")
        }
    }
}

/// Who changed what: recorded for people, registrations, attendance, certificates and settings; read and filtered by the admin only.
@Suite("Audit log")
struct AuditLogTests {
    /// The demo with the participant signed in and registered for Part 2 (one audit line).
    static func registeredParticipant(_ app: Application, _ clock: TestClock) async throws -> (Fixture, Browser) {
        let fixture = try await Fixture.load(app)
        try await fixture.beforePartTwo(clock, on: app.db)
        var participant = Browser(app)
        try await participant.login(try #require(fixture.accounts[.participant]))
        try await participant.get(SiteURL.registration(.value(fixture.partID)).path)
        #expect(try await participant.post(SiteURL.registration(.value(fixture.partID)).path, RegistrationTests.answers).status == .seeOther)
        return (fixture, participant)
    }

    @Test("changes are recorded with who and when; the admin filters by kind and person; nobody can change the log")
    func recordedAndFiltered() async throws {
        try await withApp { app, clock in
            let (fixture, _) = try await Self.registeredParticipant(app, clock)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            try await facilitator.get(SiteURL.attendance(.value(fixture.unitID)).path)
            _ = try await facilitator.post(SiteURL.attendance(.value(fixture.unitID)).path, [("status-\(fixture.participantID)", "present")])
            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            try await admin.get(AdminURL.legalPage(.value("impressum")).path)
            _ = try await admin.post(AdminURL.legalPage(.value("impressum")).path, [("body", "Anbieter: Universität Konstanz")])

            let entries = try await AuditEntry.query(on: app.db).all()
            let participantName = try await Audit.name(of: fixture.participantID, on: app.db)
            #expect(
                entries.contains {
                    $0.action == .registration && $0.object.hasPrefix("Anmeldung von \(participantName) für Teil 2") && $0.actorID == fixture.participantID
                })
            #expect(entries.contains { $0.action == .attendance && $0.actorID == fixture.facilitatorID && $0.object.contains("(1 Personen)") })
            #expect(entries.contains { $0.action == .setting && $0.object == "Seite „Impressum“ geändert" })

            let all = try await admin.get(AdminURL.auditLog.path).text
            #expect(all.contains("Anmeldung von \(participantName)") && all.contains("Seite „Impressum“ geändert"))
            let registrations = try await admin.get(AdminURL.auditLog.path + "?bereich=registration").text
            #expect(registrations.contains("Anmeldung von") && !registrations.contains("Seite „Impressum“"))
            let byName = try await admin.get(AdminURL.auditLog.path + "?person=" + Browser.encode(String(participantName.prefix(4)))).text
            #expect(byName.contains("Anmeldung von") && !byName.contains("Anwesenheit für die Einheit"))

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            #expect(try await lead.get(AdminURL.auditLog.path).status == .forbidden)
            let routes = app.routes.all.filter { $0.path.map(\.description).joined(separator: "/").contains("protokoll") }
            #expect(routes.map(\.method) == [.GET], "no route changes the log")
        }
    }

    @Test("a change whose audit line cannot be written is not stored either: role, lock, attendance, legal page, profile")
    func changeAndLineTogether() async throws {
        try await withApp { app, clock in
            let (fixture, participantBrowser) = try await Self.registeredParticipant(app, clock)
            var participant = participantBrowser
            try await participant.get(SiteURL.profile.path)
            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            try await admin.get(AdminURL.legalPage(.value("impressum")).path)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            try await facilitator.get(SiteURL.attendance(.value(fixture.unitID)).path)
            let linesBefore = try await AuditEntry.query(on: app.db).count()
            var profile = ProfileTests.complete
            profile[2] = ("sharePercent", "37")
            let attendanceBefore = try await Attendance.query(on: app.db).filter(\.$unit.$id == fixture.unitID).count()

            // The log's table is away, so every line fails to be written.
            let sql = try #require(app.db as? any SQLDatabase)
            try await sql.raw("ALTER TABLE audit_log RENAME TO audit_log_away").run()
            let attempts = [
                try await admin.post(AdminURL.accountRole(.value(fixture.participantID)).path, [("role", "lead")]),
                try await admin.post(AdminURL.accountLock(.value(fixture.participantID)).path, [("action", "lock")]),
                try await admin.post(AdminURL.legalPage(.value("impressum")).path, [("body", "Anbieter: Universität Konstanz")]),
                try await facilitator.post(SiteURL.attendance(.value(fixture.unitID)).path, [("status-\(fixture.participantID)", "present")]),
                try await participant.post(SiteURL.profile.path, profile),
            ]
            try await sql.raw("ALTER TABLE audit_log_away RENAME TO audit_log").run()

            #expect(attempts.allSatisfy { $0.status == .internalServerError }, "\(attempts.map(\.status.code))")
            let person = try #require(try await User.find(fixture.participantID, on: app.db))
            #expect(person.role == .participant && person.lockedAt == nil)
            #expect(try await LegalPage.query(on: app.db).filter(\.$kind == .impressum).first()?.body != "Anbieter: Universität Konstanz")
            #expect(try await Attendance.query(on: app.db).filter(\.$unit.$id == fixture.unitID).count() == attendanceBefore)
            let shares = try await Profile.query(on: app.db).filter(\.$user.$id == fixture.participantID).all().map(\.sharePercent)
            #expect(!shares.contains(37))
            #expect(try await AuditEntry.query(on: app.db).count() == linesBefore)
        }
    }
}
