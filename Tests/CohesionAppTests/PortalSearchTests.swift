import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The practice portal and its German search")
struct PortalSearchTests {
    /// Publishes an article by the participant, as the publishing form would.
    @discardableResult
    static func article(
        _ app: Application, _ fixture: Fixture, title: String, body: String, tags: [(PortalTagKind, String)] = [], isPublic: Bool = true
    ) async throws -> UUID {
        let draft = PortalPublishing.Draft(title: title, summary: "Aus der Praxis.", tags: tags, publicConsent: isPublic)
        return try await PortalPublishing.publish(
            draft, body: body, source: .team, teamID: nil, practiceProjectID: nil, authors: [fixture.participantID], by: fixture.participantID,
            at: Date(), on: app.db)
    }

    static func found(_ text: String, _ app: Application, filters: [PortalTagKind: String] = [:]) async throws -> [String] {
        try await PortalSearch(text: text, filters: filters, publicOnly: false).run(on: app.sql).hits.map(\.title)
    }

    @Test("the examples hold: housing in three forms, a part of a compound, ß, and Geflüchtete")
    func examples() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.article(app, fixture, title: "Bezahlbarer Wohnraum", body: "Mit der Wohnungsbaugesellschaft über freie Wohnungen sprechen.")
            try await Self.article(app, fixture, title: "Unser Integrationskonzept", body: "Wie wir es mit dem Gemeinderat erarbeitet haben.")
            try await Self.article(app, fixture, title: "Sprechstunde", body: "Jeden Dienstag in der Hauptstraße 5.")
            try await Self.article(app, fixture, title: "Patenschaften", body: "Ehrenamtliche begleiten Geflüchtete bei Behördengängen.")
            try await Self.article(app, fixture, title: "Feuerwehr und Frauen", body: "Neue Wege in die freiwillige Feuerwehr.")
            for query in ["Wohnraum", "Wohnungen", "wohnen"] { #expect(try await Self.found(query, app) == ["Bezahlbarer Wohnraum"], "\(query)") }
            #expect(try await Self.found("Konzept", app) == ["Unser Integrationskonzept"])
            #expect(try await Self.found("strasse", app) == ["Sprechstunde"])
            #expect(try await Self.found("Straße", app) == ["Sprechstunde"])
            #expect(try await Self.found("Geflüchtete", app) == ["Patenschaften"])
            #expect(try await Self.found("Frauen", app) == ["Feuerwehr und Frauen"])
            #expect(try await Self.found("neue", app) == ["Feuerwehr und Frauen"])
            #expect(try await Self.found("Wohnraum Gemeinderat", app).isEmpty, "every word must match")
        }
    }

    @Test("the title weighs more than the body, and word matches come before pieces of compounds")
    func ranking() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.article(app, fixture, title: "Sprachkurse", body: "Netzwerk der Kursträger, Netzwerk der Schulen, Netzwerk der Vereine.")
            try await Self.article(app, fixture, title: "Das Netzwerk im Landkreis", body: "Eine Runde im Quartal.")
            try await Self.article(app, fixture, title: "Netzwerkrunde", body: "Wer eingeladen wird.")
            try await Self.article(app, fixture, title: "Kooperationsnetzwerk", body: "Verträge.")
            let hits = try await Self.found("Netzwerk", app)
            // "Netzwerk" as a word and as the start of a word count alike; in the title both come before the body.
            #expect(Set(hits.prefix(2)) == ["Das Netzwerk im Landkreis", "Netzwerkrunde"], "\(hits)")
            #expect(hits.dropFirst(2).first == "Sprachkurse", "three times in the body is still below once in the title")
            #expect(hits.last == "Kooperationsnetzwerk", "found only as a piece of a compound: last")
        }
    }

    @Test("filters narrow the hits, pages hold 20, and the snippet marks the matching words escaped")
    func filtersPagesSnippets() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            for index in 1...23 {
                try await Self.article(
                    app, fixture, title: "Beratung \(index)", body: "Beratung für <b>Zugewanderte</b> im Rathaus.",
                    tags: [(.field, index.isMultiple(of: 2) ? "work" : "housing"), (.size, "unter-5000")])
            }
            #expect(try await Self.found("Beratung", app, filters: [.field: "work"]).count == 11)
            #expect(try await Self.found("Beratung", app, filters: [.field: "work", .size: "ab-100000"]).isEmpty)
            var browser = Browser(app)
            let first = try await browser.get(SiteURL.portal.path + "?q=Beratung")
            #expect(first.status == .ok && first.text.contains("23 Beiträge zu „Beratung“") && first.text.contains("Seite 1 von 2"))
            #expect(first.text.contains("<mark>Beratung</mark>"))
            #expect(first.text.contains("&lt;b&gt;Zugewanderte&lt;/b&gt;") || first.text.contains("Zugewanderte"))
            #expect(!first.text.contains("<b>Zugewanderte</b>"))
            let second = try await browser.get(SiteURL.portal.path + "?q=Beratung&seite=2")
            #expect(second.text.components(separatedBy: "class=\"card\"").count - 1 == 3)
            let beyond = try await browser.get(SiteURL.portal.path + "?q=Beratung&seite=5")
            #expect(beyond.status == .ok && beyond.text.contains("23 Beiträge zu „Beratung“"), "the count holds past the last page")
        }
    }

    @Test("search syntax of either database is only text: no query answers with an error")
    func hostileQueries() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.article(app, fixture, title: "Netzwerkrunde", body: "Wer eingeladen wird.")
            var browser = Browser(app)
            let queries = [
                "\"", "NEAR(a b)", "*", "-", ":", "a:b", "netz*", "-netz", "title:netz", "^netz", "a OR b", "NOT", "AND", "(", ")", "{a b}",
                "&", "|", "!", "<->", "a & b", "a | !b", "netz <-> runde", "netz:*", "'", "\\", "%", "_", "%%%", "😀",
                String(repeating: "netzwerk ", count: 200),
                "ä", "ß", "x'; DROP TABLE portal_articles; --",
            ]
            for query in queries {
                let response = try await browser.get(SiteURL.portal.path + "?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
                #expect(response.status == .ok, "\(query)")
            }
            #expect(try await Self.found("netz* -runde", app) == ["Netzwerkrunde"])
            #expect(try await PortalArticle.query(on: app.db).count() == 1)
        }
    }

    @Test("without an account only articles all authors agreed to show are there, in the search, on their page and in the Atom feed")
    func visibility() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let open = try await Self.article(app, fixture, title: "Öffentlicher Beitrag", body: "Für alle.")
            let closed = try await Self.article(app, fixture, title: "Interner Beitrag", body: "Nur für Angemeldete.", isPublic: false)
            var visitor = Browser(app)
            let list = try await visitor.get(SiteURL.portal.path).text
            #expect(list.contains("Öffentlicher Beitrag") && !list.contains("Interner Beitrag"))
            #expect(try await visitor.get(SiteURL.portalArticle(.value(closed)).path).status == .notFound)
            #expect(try await visitor.get(SiteURL.portalArticle(.value(open)).path).status == .ok)
            let feed = try await visitor.get(SiteURL.portalFeed.path)
            #expect(feed.headers.contentType?.subType == "atom+xml")
            #expect(feed.text.contains("<title>Öffentlicher Beitrag</title>") && !feed.text.contains("Interner Beitrag"))
            // The author agrees: now it is public.
            var author = Browser(app)
            try await author.login(try #require(fixture.accounts[.participant]))
            try await author.get(SiteURL.portalArticle(.value(closed)).path)
            #expect(try await author.post(SiteURL.portalConsent(.value(closed)).path, [("oeffentlich", "ja")]).status == .seeOther)
            #expect(try await visitor.get(SiteURL.portalArticle(.value(closed)).path).status == .ok)
            // Withdrawn: gone from the portal and from the index in one step.
            try await author.get(SiteURL.portalArticle(.value(closed)).path)
            #expect(try await author.post(SiteURL.portalWithdraw(.value(closed)).path).status == .seeOther)
            #expect(try await Self.found("Angemeldete", app).isEmpty)
            #expect(try await visitor.get(SiteURL.portalArticle(.value(closed)).path).status == .notFound)
        }
    }

    @Test("a practice project goes to the portal only with its author's explicit consent")
    func practiceProjectConsent() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let project = PracticeProject()
            project.$user.id = fixture.participantID
            project.$part.id = fixture.firstPartID
            project.goal = "Netzwerktreffen im Rathaus"
            project.firstSteps = "Träger einladen"
            project.dueOn = "2030-01-31"
            project.helped = "Die Bürgermeisterin lud mit ein."
            project.hindered = ""
            project.outcome = .done
            try await project.create(on: app.db)
            let path = SiteURL.portalFromProject(.value(try project.requireID())).path
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(path)
            let area = try #require(try await CompetenceArea.query(on: app.db).first()).requireID().uuidString.lowercased()
            let without = try await participant.post(path, [("titel", "Netzwerktreffen"), ("zusammenfassung", "Kurz"), ("bereich", area)])
            #expect(without.status == .unprocessableEntity && without.text.contains("Ohne Ihr Einverständnis"))
            #expect(try await PortalArticle.query(on: app.db).count() == 0)
            let with = try await participant.post(
                path, [("titel", "Netzwerktreffen"), ("zusammenfassung", "Kurz"), ("bereich", area), ("einverstanden", "ja")])
            #expect(with.status == .seeOther)
            #expect(try await Self.found("Bürgermeisterin", app) == ["Netzwerktreffen"])
        }
    }

    @Test("a word is found inside compounds in any of its forms, through the vocabulary, and only where it still stands")
    func compoundsThroughVocabulary() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.article(app, fixture, title: "Zwei Integrationskonzepte im Vergleich", body: "Was die Landkreise festhalten.")
            let withdrawn = try await Self.article(app, fixture, title: "Sozialwohnraum", body: "Eine Übersicht.")
            try await Self.article(app, fixture, title: "Wohnraum für Familien", body: "Gespräche mit Vermietern.")
            // "Konzepte" and "Konzept" reach the plural inside the compound alike.
            #expect(try await Self.found("Konzepte", app) == ["Zwei Integrationskonzepte im Vergleich"])
            #expect(try await Self.found("Konzept", app) == ["Zwei Integrationskonzepte im Vergleich"])
            // The word itself first, the compound after it.
            #expect(try await Self.found("Wohnraum", app) == ["Wohnraum für Familien", "Sozialwohnraum"])
            // Two words, one only inside a compound: both must hold.
            #expect(try await Self.found("Konzepte Landkreis", app) == ["Zwei Integrationskonzepte im Vergleich"])
            #expect(try await Self.found("Konzepte Familien", app).isEmpty)
            try await PortalPublishing.withdraw(withdrawn, on: app.db)
            // The stem stays in the vocabulary, but nothing holds it any more.
            #expect(try await Self.found("Wohnraum", app) == ["Wohnraum für Familien"])
            #expect(try await PortalSearch(text: "Wohnraum", publicOnly: false).run(on: app.sql).total == 1)
        }
    }

    @Test("articles published at the same moment with the same new words all land in the index")
    func concurrentPublishing() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 1...8 {
                    group.addTask {
                        try await Self.article(
                            app, fixture, title: "Quartiersmanagement \(index)", body: "Stadtteilkonferenz, Nachbarschaftshilfe und Quartiersfonds.")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await Self.found("Management", app).count == 8)
            #expect(try await Self.found("Konferenz", app).count == 8)
            #expect(try await Self.found("Fonds", app).count == 8)
        }
    }

    @Test("backup leaves the index out and the restore rebuilds it")
    func restoreRebuildsIndex() async throws {
        let path = BackupTests.file("portal.jsonl")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withApp { source, _ in
            let fixture = try await Fixture.load(source)
            try await Self.article(source, fixture, title: "Integrationskonzept", body: "Beteiligung der Migrantenorganisationen.")
            _ = try await SiteDump.write(.backup, from: source.db, to: path, now: Date(), treatments: FeatureCatalog.cohesion.dumpTreatments)
            let file = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!file.contains("portal_search"))
            try await withApp { target, _ in
                _ = try await SiteDump.read(path, into: target.db, treatments: FeatureCatalog.cohesion.dumpTreatments)
                #expect(try await Self.found("Konzept", target) == ["Integrationskonzept"])
                #expect(try await Self.found("Migrantenorganisation", target) == ["Integrationskonzept"])
            }
        }
    }
}
