import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Personal API tokens: made on Mein Konto, shown once, stored hashed, limited in scope, time and rate.
@Suite("API tokens")
struct APITokenTests {
    /// A token for the demo account of `role`, made as the command line makes one.
    static func token(_ app: Application, _ fixture: Fixture, _ role: Role, scope: APIToken.Scope = .readWrite, now: Date = Date()) async throws -> String {
        let email = try #require(fixture.accounts[role]).email
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        return try await APIToken.make(for: try user.requireID(), name: "Test", scope: scope, days: 30, now: now, on: app.db)
    }

    @Test("made on Mein Konto and shown once; stored only as a hash; a read token may not write; revoked and expired tokens answer 401")
    func lifecycle() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var person = Browser(app)
            try await person.login(try #require(fixture.accounts[.participant]))
            try await person.get(SiteURL.account.path)
            let refused = try await person.post(SiteURL.apiTokens.path, [("name", ""), ("scope", "read"), ("days", "30")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Bitte einen Namen für das Token angeben."))
            #expect(try await APIToken.query(on: app.db).count() == 0, "nothing half-saved")

            #expect(try await person.post(SiteURL.apiTokens.path, [("name", "Auswertung in R"), ("scope", "read"), ("days", "30")]).status == .seeOther)
            let page = try await person.get(SiteURL.account.path).text
            let secret = try #require(page.range(of: "<code class=\"secret\">").map { page[$0.upperBound...].prefix { $0 != "<" } }).description
            #expect(secret.hasPrefix("coh_") && secret.count > 40)
            #expect(!(try await person.get(SiteURL.account.path).text.contains(secret)), "shown once")
            let stored = try #require(try await APIToken.query(on: app.db).first())
            #expect(stored.tokenHash == secretHash(secret) && stored.tokenHash != secret && stored.scope == .read)

            var client = Browser(app)
            client.bearer = secret
            let me = try await client.get("/api/v1/me")
            #expect(me.status == .ok && me.text.contains("\"role\":\"participant\"") && me.text.contains("\"scope\":\"read\""))
            try await fixture.beforePartTwo(clock, on: app.db)
            let write = try await client.api(.PUT, "/api/v1/parts/\(fixture.partID)/registration", json: APITests.answers)
            #expect(write.status == .forbidden && write.text.contains("darf nur lesen"))
            #expect(try await Registration.query(on: app.db).filter(\.$user.$id == fixture.participantID).count() == 0)

            // A session alone does not open the API: no other site can act through it with the person's cookie.
            #expect(try await person.get("/api/v1/me").status == .unauthorized)

            try await person.get(SiteURL.account.path)
            #expect(try await person.post(SiteURL.revokeAPIToken(.value(try stored.requireID())).path).status == .seeOther)
            let revoked = try await client.get("/api/v1/me")
            #expect(revoked.status == .unauthorized && revoked.headers.first(name: .wwwAuthenticate)?.hasPrefix("Bearer") == true)
            #expect(revoked.headers.contentType?.description.hasPrefix("application/problem+json") == true)

            var later = Browser(app)
            later.bearer = try await Self.token(app, fixture, .participant, now: clock.now)
            #expect(try await later.get("/api/v1/me").status == .ok)
            clock.advance(by: 31 * 86_400)
            #expect(try await later.get("/api/v1/me").status == .unauthorized, "expired after 30 days")
        }
    }

    @Test("every token is rate-limited on its own: over the limit 429 with Retry-After, another token goes on")
    func rateLimited() async throws {
        try await withApp(environment: ["API_RATE_LIMIT": "3"]) { app, _ in
            let fixture = try await Fixture.load(app)
            var first = Browser(app)
            var second = Browser(app)
            first.bearer = try await Self.token(app, fixture, .participant)
            second.bearer = try await Self.token(app, fixture, .lead)
            for _ in 0..<3 { #expect(try await first.get("/api/v1/me").status == .ok) }
            let limited = try await first.get("/api/v1/me")
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers.first(name: .retryAfter) ?? "") ?? 0 >= 1)
            #expect(try await second.get("/api/v1/me").status == .ok)
        }
    }

    @Test("create-api-token prints a token that works, and refuses an unknown address with one line")
    func commandLine() throws {
        let unknown = try CommandLineTests.run(["create-api-token", "--email", "niemand@example.org"])
        #expect(unknown.status == 1 && unknown.errors == "Kein Konto mit der E-Mail-Adresse niemand@example.org.\n")
        let badScope = try CommandLineTests.run(["create-api-token", "--email", "x@example.org", "--scope", "alles"])
        #expect(badScope.status == 1)
    }
}

/// Sessions end after inactivity and at the latest twelve hours after login; a person ends all of theirs at once.
@Suite("Sessions")
struct SessionTests {
    @Test("a session unused for SESSION_IDLE_MINUTES has ended; use keeps it alive, but never past twelve hours")
    func idleAndMaximum() async throws {
        try await withApp(environment: ["SESSION_IDLE_MINUTES": "30"]) { app, clock in
            let fixture = try await Fixture.load(app)
            var person = Browser(app)
            try await person.login(try #require(fixture.accounts[.participant]))
            for _ in 0..<4 {
                clock.advance(by: 25 * 60)
                #expect(try await person.get(SiteURL.myProgramme.path).status == .ok, "used every 25 minutes: still signed in")
            }
            clock.advance(by: 31 * 60)
            #expect(try await person.get(SiteURL.myProgramme.path).status == .seeOther, "31 minutes unused: signed out")

            var busy = Browser(app)
            try await busy.login(try #require(fixture.accounts[.participant]))
            for _ in 0..<30 {  // twelve and a half hours, a request every 25 minutes
                clock.advance(by: 25 * 60)
                _ = try await busy.get(SiteURL.myProgramme.path)
            }
            #expect(try await busy.get(SiteURL.myProgramme.path).status == .seeOther, "after twelve hours even an active session ends")
        }
    }

    @Test("Auf allen Geräten abmelden ends every session of the person, and only theirs")
    func logoutEverywhere() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let account = try #require(fixture.accounts[.participant])
            var laptop = Browser(app)
            var phone = Browser(app)
            var colleague = Browser(app)
            try await laptop.login(account)
            try await phone.login(account)
            try await colleague.login(try #require(fixture.accounts[.facilitator]))
            try await laptop.get(SiteURL.account.path)
            #expect(try await laptop.post(SiteURL.logoutEverywhere.path).status == .seeOther)
            #expect(try await phone.get(SiteURL.myProgramme.path).status == .seeOther, "the phone is signed out too")
            #expect(try await laptop.get(SiteURL.myProgramme.path).status == .seeOther)
            #expect(try await colleague.get(SiteURL.myProgramme.path).status == .ok)
        }
    }
}
