import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Pages, API and operations")
struct PagesTests {
    @Test("the home page shows the reference programme with its edition, parts and modules")
    func home() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            var visitor = Browser(app)
            let page = try await visitor.get("/")
            #expect(page.status == .ok)
            #expect(page.headers.contentType == .html)
            for text in [
                "<html lang=\"de\">", "Zum Inhalt springen", "Fortbildungsprogramm für Integrationsbeauftragte",
                "Prototyp-Durchlauf 2022/23", "Teil 1: Auftakt", "10.–11. November 2022",
                "Teil 2: Fachkenntnisse und Empowerment", "Kulturzentrum am Münster, Konstanz",
                "Modul IV: Arbeit mit und an Integrationskonzepten", "Empowerment und Teilhabe",
            ] {
                #expect(page.text.contains(text), "home page should contain \(text)")
            }
            #expect(page.headers.setCookie == nil, "reading public pages opens no session")
        }
    }

    @Test("a part's timetable is grouped by day with German dates and Berlin times")
    func timetable() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var visitor = Browser(app)
            let page = try await visitor.get(SiteURL.part(.value(fixture.partID)).path).text
            let thursday = try #require(page.range(of: "Donnerstag, 20. Juli 2023"))
            let friday = try #require(page.range(of: "Freitag, 21. Juli 2023"))
            let concepts = try #require(page.range(of: "Integrationskonzepte und ihre Entwicklung</h4>"))
            let empowerment = try #require(page.range(of: "Empowerment für Frauen mit Flucht- und Migrationsgeschichte</h4>"))
            #expect(thursday.lowerBound < concepts.lowerBound && concepts.lowerBound < friday.lowerBound)
            #expect(friday.lowerBound < empowerment.lowerBound)
            #expect(page.contains("<time datetime=\"2023-07-20T08:00:00Z\">10:00</time>"))
            #expect(page.contains("Wessenbergstraße 43"))
            #expect(page.contains("mit Johanna Reuter"))
        }
    }

    @Test("the JSON API answers with the same model, and problem details for errors")
    func api() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let part = try await app.testing().sendRequest(.GET, "/api/v1/parts/\(fixture.partID)")
            #expect(part.status == .ok)
            let json = try JSONSerialization.jsonObject(with: Data(part.text.utf8)) as? [String: Any]
            let days = try #require(json?["days"] as? [[String: Any]])
            #expect(days.count == 2)
            #expect((days[0]["units"] as? [[String: Any]])?.first?["startsAt"] as? String == "2023-07-20T08:00:00Z")
            let missing = try await app.testing().sendRequest(.GET, "/api/v1/parts/\(UUID())")
            #expect(missing.status == .notFound)
            #expect(missing.headers.first(name: .contentType) == "application/problem+json")
            #expect(missing.text.contains("\"status\":404"))
            let spec = try await app.testing().sendRequest(.GET, "/api/v1/openapi.json")
            #expect((try JSONSerialization.jsonObject(with: Data(spec.text.utf8)) as? [String: Any])?["openapi"] as? String == "3.1.0")
        }
    }

    @Test("every answer carries the security headers, error pages included")
    func securityHeaders() async throws {
        try await withApp { app, _ in
            for path in ["/", "/gibt-es-nicht", "/healthz"] {
                let response = try await app.testing().sendRequest(.GET, path)
                let policy = try #require(response.headers.first(name: "Content-Security-Policy"))
                #expect(policy.contains("frame-ancestors 'none'"))
                #expect(!policy.contains("unsafe-inline"))
                #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
                #expect(response.headers.first(name: "Referrer-Policy") == "same-origin")
                #expect(response.headers.first(name: "X-Request-Id") != nil)
            }
            let missing = try await app.testing().sendRequest(.GET, "/gibt-es-nicht")
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("<h1>Seite nicht gefunden</h1>"))
        }
    }

    @Test("the health check reports the database, which is the one the suite was asked to use")
    func health() async throws {
        try await withApp { app, _ in
            let dialect = (app.db as? any SQLDatabase)?.dialect.name
            #expect(dialect == (TestDatabase.isPostgres ? "postgresql" : "sqlite"))
            let response = try await app.testing().sendRequest(.GET, "/healthz")
            #expect(response.status == .ok)
            let body = try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [String: String]
            #expect(body == ["status": "ok", "database": "ok"])
        }
    }

    @Test("pages carry an ETag and a browser that has the page gets 304 without a body")
    func etag() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            let first = try await app.testing().sendRequest(.GET, "/")
            let tag = try #require(first.headers.first(name: .eTag))
            #expect(first.headers.first(name: .cacheControl) == "private, no-cache")
            var headers = HTTPHeaders()
            headers.add(name: .ifNoneMatch, value: tag)
            let again = try await app.testing().sendRequest(.GET, "/", headers: headers)
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            headers.replaceOrAdd(name: .ifNoneMatch, value: "\"veraltet\"")
            #expect(try await app.testing().sendRequest(.GET, "/", headers: headers).status == .ok)
        }
    }

    @Test("stylesheet and script are served under versioned names for long caching")
    func assets() async throws {
        try await withApp { app, _ in
            let css = try await app.testing().sendRequest(.GET, FeatureCatalog.cohesion.stylesheetURL.path)
            #expect(css.status == .ok)
            #expect(css.headers.first(name: .cacheControl)?.contains("immutable") == true)
            #expect(css.text.contains("@media print"))
            #expect(try await app.testing().sendRequest(.GET, SiteURL.script.path).status == .ok)
        }
    }

    @Test("Mein Programm shows a participant the parts of their edition and a facilitator their units")
    func myProgramme() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let own = try await participant.get(SiteURL.myProgramme.path).text
            #expect(own.contains("Meine Teile"))
            #expect(own.contains("Teil 2: Fachkenntnisse und Empowerment"))
            #expect(!own.contains("Meine Einheiten als Referent*in"))
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let units = try await facilitator.get(SiteURL.myProgramme.path).text
            #expect(units.contains("Meine Einheiten als Referent*in"))
            #expect(units.contains("Mandate und Grenzen von Integrationsbeauftragten"))
            #expect(!units.contains("Empowerment für Frauen"), "that unit is given by someone else")
        }
    }

    @Test("loading the demo twice changes nothing")
    func seedTwice() async throws {
        try await withApp { app, _ in
            let first = try await DemoData.seed(on: app.db, hasher: app.password)
            #expect(first.accounts.count == 15)
            let users = try await User.query(on: app.db).count()
            let units = try await Unit.query(on: app.db).count()
            let second = try await DemoData.seed(on: app.db, hasher: app.password)
            #expect(second.accounts.isEmpty)
            #expect(try await User.query(on: app.db).count() == users)
            #expect(try await Unit.query(on: app.db).count() == units)
            #expect(units == 7)
            #expect(try await EditionMember.query(on: app.db).count() == 10)
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test("defaults give an SQLite file and the log mail transport")
    func defaults() throws {
        let config = try AppConfig.fromEnvironment([:])
        #expect(config.database == .sqlite(path: "./cohesion.sqlite"))
        #expect(config.mailTransport == .log)
        #expect(config.port == 8080)
        #expect(!config.secureCookies)
    }

    @Test("every wrong value is named in one message")
    func wrongValues() {
        do {
            _ = try AppConfig.fromEnvironment([
                "PORT": "achtzig", "MAIL_TRANSPORT": "brieftaube", "DATABASE_URL": "mysql://x",
                "BCRYPT_COST": "99", "BASE_URL": "ftp://x", "DATABASE_POOL_SIZE": "0", "MAX_REQUESTS_INSIDE": "0",
            ])
            Issue.record("expected the configuration to be refused")
        } catch let invalid as AppConfig.Invalid {
            #expect(invalid.problems.count == 7)
            for name in ["PORT", "MAIL_TRANSPORT", "DATABASE_URL", "BCRYPT_COST", "BASE_URL", "DATABASE_POOL_SIZE", "MAX_REQUESTS_INSIDE"] {
                #expect(invalid.description.contains(name))
            }
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("DATABASE_URL selects PostgreSQL")
    func postgres() throws {
        let config = try AppConfig.fromEnvironment(["DATABASE_URL": "postgres://a:b@127.0.0.1:5432/c"])
        #expect(config.database == .postgres(url: "postgres://a:b@127.0.0.1:5432/c", schema: nil))
    }
}
