import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Data-protection rights: access and portability (Art. 15, 20), erasure (Art. 17), retention.
@Suite("Data-protection rights")
struct DataProtectionTests {
    /// How many rows each declared link finds for the person, straight from the database.
    static func declaredRows(of user: User, on db: any Database) async throws -> [String: Int] {
        let tables = try TableRows(db)
        let catalogue = try await tables.catalogue(leaving: FeatureCatalog.cohesion.derivedTables)
        var counts: [String: Int] = [:]
        for declaration in FeatureCatalog.cohesion.personalData {
            let columns = try #require(catalogue[declaration.table])
            for link in declaration.links {
                let value: CellValue = link.holds == .accountID ? .uuid(try user.requireID()) : .text(user.email)
                counts[declaration.table, default: 0] += try await tables.rows(of: declaration.table, columns: columns, where: link.column, is: value).count
            }
        }
        return counts.filter { $0.value > 0 }
    }

    /// Every text in every table that still contains `needle`, as "table.column".
    static func mentions(of needle: String, on db: any Database) async throws -> [String] {
        let tables = try TableRows(db)
        var found: [String] = []
        for (table, columns) in try await tables.catalogue(leaving: FeatureCatalog.cohesion.derivedTables) {
            let texts = columns.filter { $0.kind == .text }
            guard !texts.isEmpty else { continue }
            for row in try await tables.rows(of: table, columns: texts) {
                for (column, value) in zip(texts, row) {
                    if case .text(let text) = value, text.localizedCaseInsensitiveContains(needle) { found.append("\(table).\(column.name)") }
                }
            }
        }
        return Array(Set(found)).sorted()
    }

    @Test("a participant downloads everything held about them, from every feature, without secrets or anyone else's data")
    func export() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let account = try #require(fixture.accounts[.participant])
            let user = try #require(try await User.find(fixture.participantID, on: app.db))
            _ = try await APIToken.make(for: fixture.participantID, name: "Auswertung", scope: .read, days: 30, now: Date(), on: app.db)
            var participant = Browser(app)
            try await participant.login(account)

            let download = try await participant.get(SiteURL.myDataJSON.path)
            #expect(download.status == .ok && download.headers.contentType == .json)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"cohesion-meine-daten-") == true)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(download.body.readableBytesView)) as? [String: Any])
            #expect(json["name"] as? String == user.name && json["e_mail"] as? String == user.email)
            let sections = try #require(json["daten"] as? [[String: Any]])
            var exported: [String: Int] = [:]
            for section in sections { exported[section["tabelle"] as? String ?? "", default: 0] += (section["zeilen"] as? [Any])?.count ?? 0 }
            let expected = try await Self.declaredRows(of: user, on: app.db)
            #expect(exported == expected, "every declared table with the person's rows, and only those")
            for table in ["users", "registrations", "self_assessments", "network_actors", "profiles", "api_tokens", "attendances", "web_sessions"] {
                #expect(exported[table, default: 0] > 0, "\(table) is in the export")
            }
            let text = download.body.string
            for secret in ["password_hash", "token_hash", "csrf_token", "$2b$"] { #expect(!text.contains(secret)) }
            let others = try await User.query(on: app.db).filter(\.$role == .participant).filter(\.$id != fixture.participantID).all()
            #expect(!others.isEmpty && others.allSatisfy { !text.contains($0.email) }, "no other participant's address")

            let page = try await participant.get(SiteURL.myData.path)
            #expect(page.status == .ok && page.text.contains("<h1>Meine Daten</h1>"))
            #expect(page.text.contains("Anmeldung je Teil mit Übernachtung") && page.text.contains(user.email))
        }
    }

    @Test("the admin erases a person: nothing names them any more, their sessions end, anonymous figures stay, the log records it without their data")
    func erasure() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let account = try #require(fixture.accounts[.participant])
            let user = try #require(try await User.find(fixture.participantID, on: app.db))
            let (name, email) = (user.name, user.email)
            var participant = Browser(app)
            try await participant.login(account)
            // The lines a profile change leaves: they name the person as actor and as object.
            try await Audit.record(
                .person, "Profil von \(name) geändert", objectID: user.id, actorID: user.id, actor: "\(name) (Teilnehmer*in)",
                at: Date(), on: app.db)
            let attendance = try await Attendance.query(on: app.db).filter(\.$user.$id == fixture.participantID).count()
            let assessments = try await SelfAssessment.query(on: app.db).filter(\.$user.$id == fixture.participantID).all().map(\.level)
            let responses = try await SurveyResponse.query(on: app.db).count()
            #expect(attendance > 0 && !assessments.isEmpty && responses > 0)
            #expect(try await Self.mentions(of: name, on: app.db).contains("audit_log.object"))

            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            let path = AdminURL.accountErasure(.value(fixture.participantID)).path
            let unconfirmed = try await admin.post(path, [])
            #expect(unconfirmed.status == .unprocessableEntity && unconfirmed.text.contains("Bitte bestätigen"))
            #expect(try await User.find(fixture.participantID, on: app.db)?.erasedAt == nil, "nothing happens without the confirmation")
            #expect(try await admin.post(path, [("confirm", "yes")]).status == .seeOther)

            #expect(try await Self.mentions(of: name, on: app.db) == [], "no text in any table names them")
            #expect(try await Self.mentions(of: email, on: app.db) == [], "no text in any table holds their address")
            let erased = try #require(try await User.find(fixture.participantID, on: app.db))
            #expect(erased.name == PersonalDataErasure.placeholderName && erased.passwordHash == nil && erased.erasedAt != nil)
            for owned in ["profiles", "network_actors", "network_ties", "web_sessions", "peer_directory"] {
                #expect(try await Self.declaredRows(of: erased, on: app.db)[owned] == nil, "\(owned) went")
            }
            #expect(
                try await Attendance.query(on: app.db).filter(\.$user.$id == fixture.participantID).count() == attendance, "attendance figures keep their cases"
            )
            let kept = try await SelfAssessment.query(on: app.db).filter(\.$user.$id == fixture.participantID).all()
            #expect(kept.map(\.level) == assessments && kept.allSatisfy { $0.note.isEmpty }, "levels stay, notes go")
            #expect(try await SurveyResponse.query(on: app.db).count() == responses, "survey answers stay, anonymous")
            #expect(try await participant.get(SiteURL.myProgramme.path).headers.first(name: .location)?.hasPrefix(SiteURL.login.path) == true)
            var stranger = Browser(app)
            try await stranger.get(SiteURL.login.path)
            let login = try await stranger.post(SiteURL.login.path, [("email", email), ("password", account.password)])
            #expect(login.status == .unprocessableEntity, "the old address and password open nothing")
            let line = try #require(try await AuditEntry.query(on: app.db).filter(\.$action == .erasure).first())
            #expect(line.object == "Konto gelöscht (auf Antrag, Teilnehmer*in)" && line.objectID == fixture.participantID)
            let lines = try await AuditEntry.query(on: app.db).all()
            #expect(lines.count > 1 && lines.allSatisfy { !$0.object.contains(name) && !$0.actor.contains(name) })
            #expect(try await admin.post(path, [("confirm", "yes")]).status == .seeOther, "erasing twice changes nothing")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .erasure).count() == 1)
        }
    }

    @Test("retention: the admin sets the period; participants whose last part ended before it are listed, then erased; one instance claims the day")
    func retention() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            let invalid = try await admin.post(AdminURL.retention.path, [("months", "0")])
            #expect(
                invalid.status == .unprocessableEntity && invalid.text.contains("Bitte eine ganze Zahl von 1 bis 120") && invalid.text.contains("value=\"0\""))
            #expect(try await Retention.months(on: app.db) == nil)
            #expect(try await admin.post(AdminURL.retention.path, [("months", "12")]).status == .seeOther)
            #expect(try await Retention.months(on: app.db) == 12)

            let parts = try await Part.query(on: app.db).filter(\.$edition.$id == fixture.editionID).all()
            let lastDay = try #require(parts.map(\.endsOn).max())
            let members = try await EditionMember.query(on: app.db).filter(\.$edition.$id == fixture.editionID).with(\.$user).all()
                .filter { $0.user.role == .participant }.map(\.$user.id)
            #expect(!members.isEmpty)
            let early = lastDay.adding(days: 360)
            #expect(try await Retention.due(months: 12, today: early, on: app.db).isEmpty, "within the period nobody is due")
            let late = lastDay.adding(days: 370)
            let due = try await Retention.due(months: 12, today: late, on: app.db)
            #expect(Set(due.map(\.userID)) == Set(members), "exactly the edition's participants, not its lead or facilitators")
            clock.set(to: late)
            let page = try await admin.get(AdminURL.retention.path).text
            #expect(page.contains("\(due.count) Personen") && page.contains(due[0].name))

            #expect(try await Retention.claim(late, on: app.db))
            #expect(try await Retention.claim(late, on: app.db) == false, "the second instance finds the day taken")
            let erased = try await Retention.run(months: 12, today: late, at: clock.now, declarations: app.features.personalData, on: app.db)
            #expect(erased.count == members.count)
            #expect(try await User.query(on: app.db).filter(\.$erasedAt != nil).count() == members.count)
            #expect(try await User.find(fixture.facilitatorID, on: app.db)?.erasedAt == nil)
            #expect(try await Retention.due(months: 12, today: late, on: app.db).isEmpty, "a second run finds nobody")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == .erasure).first()?.actor == "Aufbewahrungsfrist (12 Monate)")
            #expect(try await Retention.claim(late.adding(days: 1), on: app.db), "the next day can be claimed")
        }
    }

    @Test("the retention period counts whole months back, also from the end of a longer month")
    func cutoff() {
        #expect(Retention.cutoff(months: 12, today: CalendarDay(year: 2026, month: 12, day: 1)) == CalendarDay(year: 2025, month: 12, day: 1))
        #expect(Retention.cutoff(months: 1, today: CalendarDay(year: 2026, month: 3, day: 31)) == CalendarDay(year: 2026, month: 2, day: 28))
        #expect(Retention.cutoff(months: 14, today: CalendarDay(year: 2026, month: 2, day: 10)) == CalendarDay(year: 2024, month: 12, day: 10))
    }
}
