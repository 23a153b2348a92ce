import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The optional second factor (TOTP) for lead and admin accounts.
@Suite("Second factor")
struct SecondFactorTests {
    @Test("codes match RFC 6238's test vectors (SHA-1) and Base32 reads what it writes")
    func vectors() {
        let secret = Array("12345678901234567890".utf8)
        for (time, code) in [(59.0, "94287082"), (1_111_111_109, "07081804"), (1_234_567_890, "89005924"), (2_000_000_000, "69279037")] {
            #expect(TOTP.code(secret: secret, counter: TOTP.counter(at: Date(timeIntervalSince1970: time)), digits: 8) == code)
        }
        #expect(Base32.encode(secret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("gezd gnbv-gy3t qojq gezd gnbv gy3t qojq") == secret)
        #expect(Base32.decode("GEZ1") == nil, "1 is not in the alphabet")
    }

    static func code(_ factor: SecondFactor, at time: Date) throws -> String {
        TOTP.code(secret: try #require(Base32.decode(factor.secret)), counter: TOTP.counter(at: time))
    }

    @Test("the lead sets up the app with a code, then signs in with password and code; a wrong or used code is refused; the admin resets it")
    func signIn() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            // One second into a 30-second step, so the few seconds this test moves on stay within it.
            clock.advance(by: 31 - clock.now.timeIntervalSince1970.truncatingRemainder(dividingBy: 30))
            let account = try #require(fixture.accounts[.lead])
            var lead = Browser(app)
            try await lead.login(account)
            #expect(try await lead.get(SiteURL.account.path).text.contains(SiteURL.secondFactor.path))
            #expect(try await lead.post(SiteURL.secondFactor.path).status == .seeOther)
            let setup = try await lead.get(SiteURL.secondFactor.path).text
            let pending = try #require(try await SecondFactor.query(on: app.db).first())
            #expect(setup.contains("<svg") && setup.contains(SecondFactorViews.grouped(pending.secret)) && pending.enabledAt == nil)
            let wrong = try await lead.post(SiteURL.confirmSecondFactor.path, [("code", "000000")])
            #expect(wrong.status == .unprocessableEntity && wrong.text.contains("Der Code stimmt nicht."))
            #expect(try await lead.post(SiteURL.confirmSecondFactor.path, [("code", Self.code(pending, at: clock.now))]).status == .seeOther)
            #expect(try await SecondFactor.enabled(for: pending.$user.id, on: app.db) != nil)

            // Signing in now takes both; the code from the setup is used already.
            clock.advance(by: 5)
            var again = Browser(app)
            try await again.get(SiteURL.login.path)
            let password = try await again.post(SiteURL.login.path, [("email", account.email), ("password", account.password)])
            #expect(password.location == SiteURL.loginCode.path)
            #expect(try await again.get(AdminURL.participants.path).status != .ok, "the password alone opens nothing")
            #expect(try await again.get(SiteURL.loginCode.path).text.contains("Code eingeben"))
            let reused = try await again.post(SiteURL.loginCode.path, [("code", Self.code(pending, at: clock.now))])
            #expect(reused.status == .unprocessableEntity && reused.text.contains("schon benutzt"))
            clock.advance(by: 30)
            let signedIn = try await again.post(SiteURL.loginCode.path, [("code", Self.code(pending, at: clock.now))])
            #expect(signedIn.status == .seeOther && signedIn.location == FeatureCatalog.cohesion.landingPage(for: .lead))
            #expect(try await again.get(AdminURL.participants.path).status == .ok)

            // A challenge lapses after five minutes.
            var late = Browser(app)
            try await late.get(SiteURL.login.path)
            _ = try await late.post(SiteURL.login.path, [("email", account.email), ("password", account.password)])
            clock.advance(by: 301)
            #expect(try await late.post(SiteURL.loginCode.path, [("code", Self.code(pending, at: clock.now))]).location == SiteURL.login.path)

            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            #expect(try await admin.get(AdminURL.account(.value(pending.$user.id)).path).text.contains("Zweiten Faktor zurücksetzen"))
            #expect(try await admin.post(AdminURL.resetSecondFactor(.value(pending.$user.id)).path).status == .seeOther)
            var plain = Browser(app)
            try await plain.login(account)
            #expect(try await plain.get(AdminURL.participants.path).status == .ok, "after the reset the password is enough")
            let lines = try await AuditEntry.query(on: app.db).all().map(\.object)
            #expect(lines.contains { $0.hasPrefix("Zweiter Faktor für") && $0.hasSuffix("eingerichtet") } && lines.contains { $0.hasSuffix("zurückgesetzt") })
        }
    }

    @Test("wrong codes count like wrong passwords: after five the address waits, with Retry-After")
    func throttled() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let account = try #require(fixture.accounts[.admin])
            let user = try #require(try await User.query(on: app.db).filter(\.$email == account.email).first())
            let factor = SecondFactor()
            factor.$user.id = try user.requireID()
            factor.secret = Base32.encode(Array("abcdefghijklmnopqrst".utf8))
            factor.enabledAt = clock.now
            factor.lastCounter = 0
            try await factor.create(on: app.db)
            var browser = Browser(app)
            try await browser.get(SiteURL.login.path)
            _ = try await browser.post(SiteURL.login.path, [("email", account.email), ("password", account.password)])
            for _ in 0..<5 { #expect(try await browser.post(SiteURL.loginCode.path, [("code", "123456")]).status == .unprocessableEntity) }
            let blocked = try await browser.post(SiteURL.loginCode.path, [("code", try Self.code(factor, at: clock.now))])
            #expect(blocked.status == .tooManyRequests && blocked.headers.first(name: .retryAfter) != nil)
        }
    }
}
