import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor

@testable import CohesionApp

/// The municipal profile on the real register and statistics in data/ (the ten neighbours are
/// recomputed independently with numpy in Tests/Browser/test_municipal_profile.py).
@Suite("The municipal profile")
struct MunicipalProfileTests {
    static func importAll(_ app: Application) async throws {
        _ = try await MunicipalityImport.run(path: SharedFiles.register, on: app.db)
        for file in SharedFiles.statistics { _ = try await StatisticsImport.run(path: file, on: app.db) }
    }

    @Test("Konstanz: its figures with sources and attributions, ten comparable kreisangehörige Gemeinden of Baden-Württemberg, and its Kreis over the years")
    func konstanz() async throws {
        try await withApp { app, _ in
            try await Self.importAll(app)
            var visitor = Browser(app)
            let page = try await visitor.get(SiteURL.regionProfile(.value("08335043")).path)
            #expect(page.status == .ok)
            let text = page.text
            #expect(text.contains("Profil: Konstanz, Universitätsstadt"))
            #expect(text.contains("Die 10 ähnlichsten Kommunen"))
            #expect(text.contains("kreisangehörige Gemeinden desselben Landes"))
            #expect(text.contains("© Statistisches Landesamt Baden-Württemberg") && text.contains("Zensus 2022 (dl-de/by-2-0)"))
            #expect(text.contains("eigene Berechnung"))
            let keys = text.matches(of: /<tr data-key="(\d+)">/).map { String($0.output.1) }
            #expect(keys.count == 10 && !keys.contains("08335043"))
            #expect(keys.allSatisfy { $0.hasPrefix("08") && $0.count == 8 })
            #expect(!keys.contains { ["08111000", "08212000", "08311000"].contains($0) }, "no Stadtkreis among kreisangehörige Gemeinden")
            #expect(text.contains("Anteil Ausländer*innen, jeweils am 31.12.") && text.contains("Landkreis Konstanz"))
            #expect(try await visitor.get(SiteURL.region(.value("08335043")).path).text.contains(SiteURL.regionProfile(.value("08335043")).path))

            // The API gives the same comparison, with the figures and their sources.
            let api = try await visitor.get("/api/v1/regions/08335043/profile")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [String: Any])
            let comparison = try #require(json["comparison"] as? [String: Any])
            let peers = try #require(comparison["peers"] as? [[String: Any]])
            #expect(peers.compactMap { $0["key"] as? String } == keys)
            #expect((comparison["indicators"] as? [[String: Any]])?.count == 5)
            #expect(((json["region"] as? [String: Any])?["sources"] as? [Any])?.isEmpty == false)
        }
    }

    @Test("a Landkreis is compared only with Landkreise, a Stadtkreis as a kreisfreie Stadt, a Land not at all; an unknown key is 404")
    func likeWithLike() async throws {
        try await withApp { app, _ in
            try await Self.importAll(app)
            let landkreise = try await ComparisonSet.load(.landkreise, on: app.sql, cache: nil)
            let kreisfreie = try await ComparisonSet.load(.kreisfreieStaedte, on: app.sql, cache: nil)
            #expect(Set(landkreise.members.map(\.kind)).isSubset(of: ["Landkreis", "Kreis", "Regionalverband"]))
            #expect(Set(kreisfreie.members.map(\.kind)).isSubset(of: ["Kreisfreie Stadt", "Stadtkreis"]))
            #expect(landkreise.members.count > 250 && kreisfreie.members.count > 90, "\(landkreise.members.count), \(kreisfreie.members.count)")

            let landkreis = try #require(try await MunicipalProfile.query(key: "08335", on: app.sql, cache: nil)?.comparison)
            let byKey = Dictionary(uniqueKeysWithValues: landkreise.members.map { ($0.key, $0.kind) })
            #expect(landkreis.peers.count == 10 && landkreis.peers.allSatisfy { byKey[$0.key] != nil })
            let stuttgart = try #require(try await MunicipalProfile.query(key: "08111000", on: app.sql, cache: nil)?.comparison)
            #expect(stuttgart.subjectKey == "08111" && stuttgart.setDescription.contains("kreisfreie Städte"))
            let land = try #require(try await MunicipalProfile.query(key: "08", on: app.sql, cache: nil))
            #expect(land.comparison == nil && land.noComparison != nil)
            var visitor = Browser(app)
            #expect(try await visitor.get(SiteURL.regionProfile(.value("99999999")).path).status == .notFound)
            // A Gemeinde without the Land's figures (Bavaria has none in data/) is not compared; its page points to its Kreis.
            let bavarian = try await visitor.get(SiteURL.regionProfile(.value("09171111")).path)
            #expect(bavarian.status == .ok && bavarian.text.contains("Profil des Kreises") && !bavarian.text.contains("ähnlichsten Kommunen"))
        }
    }

    @Test("the data sheet is a PDF/A whose text holds the figures, the comparable Gemeinden, the sources and the licences; visitors sign in first")
    func dataSheet() async throws {
        try await withApp { app, _ in
            // The fixture registers a Konstanz of its own; the real register comes after it and wins.
            let fixture = try await Fixture.load(app)
            try await Self.importAll(app)
            var visitor = Browser(app)
            let path = SiteURL.regionDataSheet(.value("08335043")).path
            #expect(try await visitor.get(path).status == .seeOther)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.regionProfile(.value("08335043")).path).text.contains(path))
            let response = try await participant.get(path)
            #expect(response.status == .ok && response.headers.contentType?.description == "application/pdf")
            let pdf = Data(buffer: response.body)
            // Lines wrap where the page ends them; words are compared across them.
            let text = try CertificateTests.poppler("pdftotext", [], pdf: pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for expected in [
                "Datenblatt Konstanz, Universitätsstadt", "Große Kreisstadt", "17,2 %", "Tübingen", "Vergleichsgruppe",
                "© Statistisches Landesamt Baden-Württemberg", "dl-de/by-2-0", "eigene Berechnung",
            ] {
                #expect(text.contains(expected), "\(expected) in the data sheet")
            }
            #expect(try CertificateTests.poppler("pdfinfo", ["-meta"], pdf: pdf).contains("<pdfaid:part>2</pdfaid:part>"))
        }
    }

    @Test("the cohort on the map: the lead sees every municipality; partners see small groups merged, so no officer can be singled out")
    func cohortMap() async throws {
        try await withApp { app, _ in
            _ = try await Fixture.load(app)
            _ = try await MunicipalityImport.run(path: SharedFiles.register, on: app.db)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            let edition = try #require(try await Edition.query(on: app.db).filter(\.$title == DemoData.regularRunTitle).first())
            let id = EditionID(try edition.requireID())
            let rule = DisclosureRule(minimumGroupSize: 5)
            let full = try await CohortMap.query(edition: id, title: edition.title, aggregated: false, rule: rule, cache: nil, on: app.sql)
            #expect(full.members > 0 && full.landName == "Baden-Württemberg" && full.background.count > 1000)
            #expect(full.places.reduce(0) { $0 + $1.count } > 0)
            let byKreis = try #require(full.tables.first { $0.title == "Nach Kreis" })
            #expect(byKreis.rows.reduce(0) { $0 + $1.count } == full.members && byKreis.merged == nil)

            let partner = try await CohortMap.query(edition: id, title: edition.title, aggregated: true, rule: rule, cache: nil, on: app.sql)
            for table in partner.tables {
                #expect(table.rows.allSatisfy { $0.count >= 5 }, "\(table.title): \(table.rows.map(\.count))")
                #expect((table.merged ?? 5) >= 5, "\(table.title): merged \(table.merged ?? 0)")
                #expect(table.rows.reduce(0) { $0 + $1.count } + (table.merged ?? 0) == partner.members)
            }
            #expect(partner.places.allSatisfy { $0.count >= 5 })
        }
    }

    @Test("a participant sees colleagues from the opt-in directory in comparable municipalities, and nobody who is not listed")
    func colleaguesInComparableMunicipalities() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.importAll(app)
            func officer(_ name: String, region: String, listed: Bool) async throws {
                let user = User(email: "\(name.lowercased())@example.org", name: name, role: .participant)
                try await user.create(on: app.db)
                try await Self.profile(for: try user.requireID(), region: region, on: app.db)
                if listed {
                    let entry = PeerDirectoryEntry()
                    entry.$user.id = try user.requireID()
                    entry.since = Date()
                    try await entry.create(on: app.db)
                }
            }
            try await officer("Tübinger Kollegin", region: "08416041", listed: true)
            try await officer("Reutlinger Kollege", region: "08415061", listed: false)
            try await officer("Freiburger Kollegin", region: "08311000", listed: true)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = try await participant.get(SiteURL.regionProfile(.value("08335043")).path).text
            #expect(page.contains("Kolleg*innen in ähnlichen Kommunen") && page.contains("Tübinger Kollegin"))
            #expect(!page.contains("Reutlinger Kollege"), "not in the directory")
            #expect(!page.contains("Freiburger Kollegin"), "listed, but Freiburg is not among the comparable Gemeinden")
            var visitor = Browser(app)
            #expect(try await !visitor.get(SiteURL.regionProfile(.value("08335043")).path).text.contains("Tübinger Kollegin"))
        }
    }

    @Test(
        "an officer takes a Gemeinde out of their ten and adds one of their own; the choice stays with them; a region of another kind is refused with the typed value kept"
    )
    func ownChoice() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.importAll(app)
            try await Self.profile(for: fixture.participantID, region: "08335043", on: app.db)
            var officer = Browser(app)
            try await officer.login(try #require(fixture.accounts[.participant]))
            let path = SiteURL.regionProfile(.value("08335043")).path
            let before = try await officer.get(path).text
            #expect(before.contains("Vergleichsgruppe anpassen"))
            let original = before.matches(of: /<tr data-key="(\d+)">/).map { String($0.output.1) }
            let choice = SiteURL.regionComparisonChoice(.value("08335043")).path

            let removed = try await officer.post(choice, [("aktion", "entfernen"), ("kommune", original[0])])
            #expect(removed.status == .seeOther)
            let added = try await officer.post(choice, [("aktion", "hinzufuegen"), ("kommune", "08335001")])
            #expect(added.status == .seeOther)
            let after = try await officer.get(path).text
            let keys = after.matches(of: /<tr data-key="(\d+)">/).map { String($0.output.1) }
            #expect(!keys.contains(original[0]) && keys.contains("08335001") && keys.count == 11, "\(keys)")
            #expect(after.contains("(von Ihnen hinzugefügt)") && after.contains("Von Ihnen entfernt:"))

            let refused = try await officer.post(choice, [("aktion", "hinzufuegen"), ("kommune", "Freiburg im Breisgau")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("gehört nicht zur Vergleichsgruppe"))
            #expect(refused.text.contains(#"value="Freiburg im Breisgau""#), "the typed value is kept")

            // Someone else sees the plain ten; another participant may not change Konstanz's group.
            var visitor = Browser(app)
            #expect(try await visitor.get(path).text.matches(of: /<tr data-key="(\d+)">/).map { String($0.output.1) } == original)
            let other = User(email: "andere@example.org", name: "Andere Kollegin", role: .participant, passwordHash: try app.password.hash("geheim-genug-123"))
            try await other.create(on: app.db)
            var stranger = Browser(app)
            try await stranger.login(email: "andere@example.org", password: "geheim-genug-123")
            #expect(try await stranger.post(choice, [("aktion", "entfernen"), ("kommune", original[1])]).status == .forbidden)
        }
    }

    static func profile(for userID: UUID, region: String, on db: any Database) async throws {
        let profile = Profile()
        profile.$user.id = userID
        profile.regionKey = region
        profile.embedding = Embedding.staffUnit.rawValue
        profile.sharePercent = 50
        profile.funding = ""
        profile.mandate = ""
        profile.taskFields = ""
        profile.fieldsOfAction = ""
        try await profile.create(on: db)
    }

    @Test("the lead replaces the data sheet's template: a template without the sources is refused, one with them is used, the shipped one comes back")
    func ownTemplate() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await Self.importAll(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            #expect(try await lead.get(AdminURL.overview.path).text.contains(AdminURL.dataSheetTemplate.path), "linked from Verwaltung")
            let page = AdminURL.dataSheetTemplate.path
            _ = try await lead.get(page)
            let withoutSources = DataSheetTemplate.fodt.replacingOccurrences(of: "{{QUELLEN}}", with: "")
            let refused = try await MaterialTests.upload(
                &lead, app: app, path: page, fileName: "ohne-quellen.fodt", contentType: "application/xml", bytes: Array(withoutSources.utf8))
            #expect(refused.status == .seeOther)
            #expect(try await lead.get(page).text.contains("Platzhalter fehlen: {{QUELLEN}}"))

            let own = DataSheetTemplate.fodt.replacingOccurrences(of: "Datenblatt {{KOMMUNE}}", with: "Landratsamt: Datenblatt {{KOMMUNE}}")
            _ = try await MaterialTests.upload(
                &lead, app: app, path: page, fileName: #"C:\Vorlagen\eigene.fodt"#, contentType: "application/xml", bytes: Array(own.utf8))
            // The name as the browser sent it, path and all, is kept only as its last part.
            #expect(try await lead.get(page).text.contains("Die Vorlage „eigene.fodt“ gilt jetzt für alle Datenblätter."))
            let pdf = Data(buffer: try await lead.get(SiteURL.regionDataSheet(.value("08335043")).path).body)
            let text = try CertificateTests.poppler("pdftotext", [], pdf: pdf).split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(text.contains("Landratsamt: Datenblatt Konstanz, Universitätsstadt") && text.contains("dl-de/by-2-0"))

            _ = try await lead.post(AdminURL.defaultDataSheetTemplate.path)
            #expect(try await DataSheetTemplateRecord.query(on: app.db).count() == 0)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(page).status == .forbidden)
        }
    }

    @Test("the distance: robust z-scores over the set, weighted, nearest first, ties by key")
    func distance() {
        let indicators = [ComparableRegions.Indicator(key: "a", label: "A"), ComparableRegions.Indicator(key: "b", label: "B", weight: 4)]
        let candidates = [
            ComparableRegions.Candidate(key: "x", values: [0, 0]), .init(key: "y", values: [1, 0]), .init(key: "z", values: [0, 1]),
            .init(key: "w", values: [2, 2]), .init(key: "v", values: [1, 0]),
        ]
        // Medians 1 and 0; MAD 1 and 0 → the second scale falls back to the standard deviation.
        let scales = ComparableRegions.scales(of: candidates, indicators: 2)
        #expect(scales[0] == .init(median: 1, unit: 1.4826))
        #expect(scales[1].median == 0 && abs(scales[1].unit - 0.8) < 1e-9)
        let nearest = ComparableRegions.nearest(to: "x", among: candidates, indicators: indicators, count: 3)
        #expect(nearest.map(\.key) == ["v", "y", "z"], "v and y tie; the weight of 4 on B puts z behind them")
        #expect(ComparableRegions.percentile(of: 1, in: [0, 1, 1, 2]) == 75)
    }
}
