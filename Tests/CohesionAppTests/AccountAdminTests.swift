import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The admin's page for accounts and roles.
@Suite("Accounts and roles")
struct AccountAdminTests {
    @Test("the admin creates an account; the person gets a mail with a link to set a password; a taken address keeps what was typed")
    func create() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            let bad = try await admin.post(AdminURL.accounts.path, [("name", "Nora Neu"), ("email", "nora@"), ("role", "")])
            #expect(
                bad.status == .unprocessableEntity && bad.text.contains("Bitte eine gültige E-Mail-Adresse angeben.")
                    && bad.text.contains("Bitte eine Rolle wählen.") && bad.text.contains("value=\"Nora Neu\""))
            let taken = try #require(fixture.accounts[.lead]).email
            let duplicate = try await admin.post(AdminURL.accounts.path, [("name", "Nora Neu"), ("email", taken.uppercased()), ("role", "facilitator")])
            #expect(duplicate.status == .unprocessableEntity && duplicate.text.contains("Für \(taken) gibt es schon ein Konto."))
            #expect(try await User.query(on: app.db).filter(\.$name == "Nora Neu").count() == 0)

            let created = try await admin.post(AdminURL.accounts.path, [("name", "Nora Neu"), ("email", " Nora.Neu@Kommune.de "), ("role", "facilitator")])
            #expect(created.status == .seeOther)
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "nora.neu@kommune.de").first())
            #expect(user.role == .facilitator && user.passwordHash == nil)
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "nora.neu@kommune.de").first())
            #expect(mail.body.contains("Guten Tag Nora Neu") && mail.body.contains("http://127.0.0.1:8080/passwort-setzen/"))
            let page = try await admin.get(try #require(created.headers.first(name: .location))).text
            #expect(page.contains("<h1>Nora Neu</h1>") && page.contains("Passwort noch nicht gesetzt"))
            let list = try await admin.get(AdminURL.accounts.path + "?suche=NORA&rolle=facilitator").text
            #expect(list.contains(">Nora Neu</a>") && list.contains("<caption>Ein Konto</caption>"), "search ignores case")
            #expect(list.contains("<td>Passwort noch nicht gesetzt</td>"))
            let wildcard = try await admin.get(AdminURL.accounts.path + "?suche=%25").text
            #expect(!wildcard.contains(">Nora Neu</a>"), "a % in the search is a character, not every account")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$object == "Konto Nora Neu (Referent*in) angelegt").count() == 1)
        }
    }

    @Test("locking ends the person's sessions and API access at once and refuses their login with a message; unlocking lets them in again")
    func lock() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let account = try #require(fixture.accounts[.participant])
            var participant = Browser(app)
            try await participant.login(account)
            var script = Browser(app)
            script.bearer = try await APIToken.make(for: fixture.participantID, name: "R", scope: .read, days: 30, now: Date(), on: app.db)
            #expect(try await script.api(.GET, "/api/v1/me").status == .ok)

            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            let path = AdminURL.accountLock(.value(fixture.participantID)).path
            #expect(try await admin.post(path, [("action", "lock")]).status == .seeOther)
            #expect(try await participant.get(SiteURL.myProgramme.path).headers.first(name: .location)?.hasPrefix(SiteURL.login.path) == true)
            #expect(try await script.api(.GET, "/api/v1/me").status == .unauthorized)
            var again = Browser(app)
            try await again.get(SiteURL.login.path)
            let refused = try await again.post(SiteURL.login.path, [("email", account.email), ("password", account.password)])
            #expect(refused.status == .forbidden && refused.text.contains("Dieses Konto ist gesperrt."))
            let wrong = try await again.post(SiteURL.login.path, [("email", account.email), ("password", "falsch-falsch")])
            #expect(wrong.status == .unprocessableEntity && !wrong.text.contains("gesperrt"), "a wrong password learns nothing about the lock")
            #expect(try await admin.get(AdminURL.account(.value(fixture.participantID)).path).text.contains("<dd>gesperrt</dd>"))

            #expect(try await admin.post(path, [("action", "unlock")]).status == .seeOther)
            try await again.login(account)
            #expect(try await script.api(.GET, "/api/v1/me").status == .ok)
            let lines = try await AuditEntry.query(on: app.db).filter(\.$objectID == fixture.participantID).all().map(\.object)
            #expect(lines.contains { $0.hasSuffix(" gesperrt") } && lines.contains { $0.hasSuffix(" entsperrt") })
        }
    }

    @Test("a role change takes effect on the next request and is logged; the admin cannot lock, erase or demote themselves")
    func roles() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(AdminURL.participants.path).status == .forbidden)
            var admin = Browser(app)
            let adminAccount = try #require(fixture.accounts[.admin])
            try await admin.login(adminAccount)
            let changed = try await admin.post(AdminURL.accountRole(.value(fixture.participantID)).path, [("role", "lead")])
            #expect(changed.status == .seeOther)
            #expect(try await participant.get(AdminURL.participants.path).status == .ok, "the same session, now with the lead's rights")
            #expect(try await AuditEntry.query(on: app.db).filter(\.$object, .custom("LIKE"), "Rolle von %: Teilnehmer*in → Programmleitung").count() == 1)

            let me = try #require(try await User.query(on: app.db).filter(\.$email == adminAccount.email).first()?.requireID())
            let demote = try await admin.post(AdminURL.accountRole(.value(me)).path, [("role", "participant")])
            #expect(demote.status == .unprocessableEntity && demote.text.contains("Das eigene Konto können Sie hier nicht"))
            #expect(try await admin.post(AdminURL.accountLock(.value(me)).path, [("action", "lock")]).status == .unprocessableEntity)
            #expect(try await admin.post(AdminURL.accountErasure(.value(me)).path, [("confirm", "yes")]).status == .unprocessableEntity)
            #expect(try await User.find(me, on: app.db).map { $0.role == .admin && $0.lockedAt == nil && $0.erasedAt == nil } == true)
        }
    }
}
