import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Login, sessions and passwords")
struct AuthTests {
    @Test("a lead logs in, lands in the admin area, and the session cookie is HttpOnly and SameSite=Lax")
    func loginSucceeds() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let lead = try #require(fixture.accounts[.lead])
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            let response = try await browser.post(SiteURL.login.path, [("email", " LEITUNG@demo.cohesion.example "), ("password", lead.password)])
            #expect(response.status == .seeOther)
            #expect(response.location == AdminURL.overview.path)
            let cookie = try #require(response.headers.setCookie?[SessionStore.cookieName])
            #expect(cookie.isHTTPOnly)
            #expect(cookie.sameSite == .lax)
            #expect(!cookie.isSecure)
            let page = try await browser.get(AdminURL.overview.path)
            #expect(page.status == .ok)
            #expect(page.text.contains("Dr. Miriam Albrecht"))
        }
    }

    @Test("a secret is stored as its SHA-256 in lower-case hex, so sessions and links stored before stay valid")
    func secretHashIsSHA256Hex() {
        #expect(secretHash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(secretHash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("behind HTTPS the session cookie is Secure")
    func secureCookie() async throws {
        try await withApp(baseURL: "https://cohesion.example.de") { app, _ in
            var browser = Browser(app)
            let response = try await browser.get(SiteURL.login.path)
            #expect(response.headers.setCookie?[SessionStore.cookieName]?.isSecure == true)
        }
    }

    @Test("a wrong password is refused in German, the address is kept, and no session is opened")
    func loginFails() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            let response = try await browser.post(SiteURL.login.path, [("email", "leitung@demo.cohesion.example"), ("password", "falsch")])
            #expect(response.status == .unprocessableEntity)
            #expect(response.text.contains("E-Mail-Adresse oder Passwort stimmt nicht."))
            #expect(response.text.contains("value=\"leitung@demo.cohesion.example\""))
            #expect(try await browser.get(SiteURL.myProgramme.path).status == .seeOther)
        }
    }

    @Test("after a login the page asked for is opened, but never another site")
    func redirectAfterLogin() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let lead = try #require(fixture.accounts[.lead])
            var browser = Browser(app)
            let bounce = try await browser.get(AdminURL.part(.value(fixture.partID)).path)
            #expect(bounce.location?.hasPrefix("/anmelden?weiter=") == true)
            try await browser.get(try #require(bounce.location))
            let back = try await browser.post(
                SiteURL.login.path,
                [
                    ("email", lead.email), ("password", lead.password),
                    ("weiter", AdminURL.part(.value(fixture.partID)).path),
                ])
            #expect(back.location == AdminURL.part(.value(fixture.partID)).path)
            #expect(AuthController.safeLocal("//evil.example/x") == nil)
            #expect(AuthController.safeLocal("https://evil.example") == nil)
            #expect(AuthController.safeLocal("/\\evil.example") == nil)
        }
    }

    @Test("logging out ends the session on the server")
    func logout() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var browser = Browser(app)
            try await browser.login(try #require(fixture.accounts[.participant]))
            let stolenCookie = try #require(browser.sessionCookie)
            let response = try await browser.post(SiteURL.logout.path)
            #expect(response.location == "/?hinweis=abgemeldet")
            #expect(try await WebSession.query(on: app.db).filter(\.$user.$id != nil).count() == 0)
            var headers = HTTPHeaders()
            headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(stolenCookie)")
            let replay = try await app.testing().sendRequest(.GET, SiteURL.myProgramme.path, headers: headers)
            #expect(replay.status == .seeOther)
        }
    }

    @Test("a form without the session's CSRF token is rejected and changes nothing")
    func csrfRejected() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var browser = Browser(app)
            try await browser.login(try #require(fixture.accounts[.lead]))
            let deletion = AdminURL.delete(.unit, .value(fixture.unitID)).path
            let missing = try await browser.post(deletion, csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.text.contains("Das Formular ist abgelaufen"))
            let forged = try await browser.post(deletion, [("_csrf", "gefälscht")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await Unit.find(fixture.unitID, on: app.db) != nil)
            var stranger = Browser(app)
            let anonymousLogin = try await stranger.post(SiteURL.login.path, [("email", "x@y.de"), ("password", "x")], csrf: false)
            #expect(anonymousLogin.status == .forbidden)
        }
    }

    @Test("an attack on one account from one address slows that address down with growing delays and Retry-After; the owner logs in from elsewhere meanwhile")
    func throttlingPerAccountAndAddress() async throws {
        try await withApp(environment: ["TRUSTED_PROXIES": "127.0.0.1"]) { app, clock in
            let fixture = try await Fixture.load(app)
            let lead = try #require(fixture.accounts[.lead])
            var attacker = ProxiedBrowser(app, forwardedFor: "203.0.113.66")
            var owner = ProxiedBrowser(app, forwardedFor: "198.51.100.10")
            try await attacker.get(SiteURL.login.path)
            for _ in 0..<5 {
                #expect(try await attacker.post(SiteURL.login.path, [("email", lead.email), ("password", "falsch")]).status == .unprocessableEntity)
            }
            let blocked = try await attacker.post(SiteURL.login.path, [("email", lead.email), ("password", lead.password)])
            #expect(blocked.status == .tooManyRequests && blocked.headers.first(name: .retryAfter) == "60")
            #expect(blocked.body.string?.contains("Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie eine Minute") == true)
            #expect(blocked.body.string?.contains("value=\"\(lead.email)\"") == true, "the form keeps the address")

            try await owner.get(SiteURL.login.path)
            let welcome = try await owner.post(SiteURL.login.path, [("email", lead.email), ("password", lead.password)])
            #expect(welcome.status == .seeOther && owner.sessionCookie != nil, "the right password from the owner's own address works during the attack")

            clock.advance(by: 61)
            #expect(try await attacker.post(SiteURL.login.path, [("email", lead.email), ("password", "falsch")]).status == .unprocessableEntity)
            let longer = try await attacker.post(SiteURL.login.path, [("email", lead.email), ("password", "falsch")])
            #expect(longer.status == .tooManyRequests && longer.headers.first(name: .retryAfter) == "120", "the delay doubles")
        }
    }

    @Test("a dozen failures from an office's address on other accounts never block a correct login from it; password spraying from one address does")
    func throttlingByAddress() async throws {
        try await withApp(environment: ["TRUSTED_PROXIES": "127.0.0.1"]) { app, _ in
            let fixture = try await Fixture.load(app)
            var office = ProxiedBrowser(app, forwardedFor: "192.0.2.5")
            try await office.get(SiteURL.login.path)
            for index in 0..<12 {
                try await office.post(SiteURL.login.path, [("email", "kollege\(index)@example.org"), ("password", "x")])
            }
            let participant = try #require(fixture.accounts[.participant])
            let correct = try await office.post(SiteURL.login.path, [("email", participant.email), ("password", participant.password)])
            #expect(correct.status == .seeOther, "a dozen failures of colleagues behind the same proxy do not block")

            var sprayer = ProxiedBrowser(app, forwardedFor: "203.0.113.99")
            try await sprayer.get(SiteURL.login.path)
            for index in 0..<LoginThrottle.standard.sprayLimit {
                try await sprayer.post(SiteURL.login.path, [("email", "probe\(index)@example.org"), ("password", "x")])
            }
            let blocked = try await sprayer.post(SiteURL.login.path, [("email", "noch-eine@example.org"), ("password", "x")])
            #expect(blocked.status == .tooManyRequests && blocked.headers.first(name: .retryAfter) != nil)
        }
    }

    @Test("X-Forwarded-For counts only from a trusted proxy: a client cannot pick a new address for each attempt")
    func forwardedForNeedsTrust() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let lead = try #require(fixture.accounts[.lead])
            var attacker = ProxiedBrowser(app, forwardedFor: nil)
            attacker.peer = "198.51.100.77"
            try await attacker.get(SiteURL.login.path)
            for index in 0..<6 {
                attacker.forwardedFor = "203.0.113.\(index)"
                let answer = try await attacker.post(SiteURL.login.path, [("email", lead.email), ("password", "falsch")])
                #expect(answer.status == (index < 5 ? .unprocessableEntity : .tooManyRequests))
            }
        }
    }

    @Test("a password reset mails a link through the outbox that works once and sets a new password")
    func passwordReset() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let participant = try #require(fixture.accounts[.participant])
            var other = Browser(app)
            try await other.login(participant)
            var browser = Browser(app)
            try await browser.get(SiteURL.forgotPassword.path)
            let requested = try await browser.post(SiteURL.forgotPassword.path, [("email", participant.email)])
            #expect(requested.location == "/anmelden?hinweis=link-gesendet")
            let mail = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(mail.recipient == participant.email)
            #expect(mail.sentAt != nil)
            let files = try FileManager.default.contentsOfDirectory(atPath: app.cohesion.config.mailDirectory)
            #expect(files.count == 1 && files[0].hasSuffix(".eml"))
            let link = try #require(mail.body.split(separator: "\n").first { $0.hasPrefix("http") }.map(String.init))
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))

            #expect(try await browser.get(path).status == .ok)
            let mismatch = try await browser.post(path, [("password", "neues-passwort-1"), ("confirmation", "anderes")])
            #expect(mismatch.status == .unprocessableEntity)
            #expect(mismatch.text.contains("Die beiden Passwörter stimmen nicht überein."))
            let tooShort = try await browser.post(path, [("password", "kurz"), ("confirmation", "kurz")])
            #expect(tooShort.text.contains("mindestens 10 Zeichen"))
            let set = try await browser.post(path, [("password", "neues-passwort-1"), ("confirmation", "neues-passwort-1")])
            #expect(set.location == "/anmelden?hinweis=passwort-gesetzt")
            #expect(try await browser.get(path).status == .gone)
            #expect(try await other.get(SiteURL.myProgramme.path).status == .seeOther, "other sessions end with the new password")
            var fresh = Browser(app)
            try await fresh.login(email: participant.email, password: "neues-passwort-1")
        }
    }

    @Test("an unknown address gets the same answer and no mail")
    func resetUnknownAddress() async throws {
        try await withApp { app, _ in
            var browser = Browser(app)
            try await browser.get(SiteURL.forgotPassword.path)
            let response = try await browser.post(SiteURL.forgotPassword.path, [("email", "niemand@example.org")])
            #expect(response.location == "/anmelden?hinweis=link-gesendet")
            #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            let invalid = try await browser.post(SiteURL.forgotPassword.path, [("email", "keine adresse")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.text.contains("value=\"keine adresse\""))
        }
    }

    @Test("a reset link expires after one hour")
    func resetExpires() async throws {
        try await withApp { app, clock in
            let user = User(email: "a@example.org", name: "A", role: .participant)
            try await user.create(on: app.db)
            let path = try await PasswordLinks.issue(for: user.requireID(), purpose: .reset, services: app.cohesion, on: app.db)
            var browser = Browser(app)
            #expect(try await browser.get(path).status == .ok)
            clock.advance(by: 3601)
            #expect(try await browser.get(path).status == .gone)
        }
    }

    @Test("create-user prints a welcome link valid for 14 days and refuses bad or duplicate input")
    func createUser() async throws {
        try await withApp { app, clock in
            let link = try await UserAccounts.create(
                email: "Neu@Kommune.de", name: "Nora Neu", role: "participant",
                services: app.cohesion, on: app.db)
            #expect(link.hasPrefix("http://127.0.0.1:8080/passwort-setzen/"))
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "neu@kommune.de").first())
            #expect(user.passwordHash == nil)
            await #expect(throws: UserAccounts.Invalid.self) {
                try await UserAccounts.create(email: "neu@kommune.de", name: "Zweite", role: "participant", services: app.cohesion, on: app.db)
            }
            do {
                _ = try await UserAccounts.create(email: "kaputt", name: "", role: "chef", services: app.cohesion, on: app.db)
                Issue.record("expected the input to be refused")
            } catch let invalid as UserAccounts.Invalid {
                #expect(invalid.problems.count == 3)
            }
            clock.advance(by: 13 * 24 * 3600)
            let path = String(link.dropFirst("http://127.0.0.1:8080".count))
            var browser = Browser(app)
            #expect(try await browser.get(path).status == .ok)
        }
    }
}
