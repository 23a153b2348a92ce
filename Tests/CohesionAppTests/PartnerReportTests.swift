import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Partner report and exports")
struct PartnerReportTests {
    @Test("partners read aggregates only; small groups show no value")
    func partnerReport() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var partner = Browser(app)
            try await partner.get(SiteURL.login.path)
            let login = try await partner.post(
                SiteURL.login.path,
                [
                    ("email", try #require(fixture.accounts[.partner]).email),
                    ("password", try #require(fixture.accounts[.partner]).password),
                ])
            #expect(login.location == SiteURL.reports.path)
            let page = try await partner.get(SiteURL.partnerReport(.value(fixture.editionID)).path).text
            #expect(page.contains("Wirkungsbericht: Prototyp-Durchlauf 2022/23"))
            #expect(page.contains("10 Teilnehmer*innen im Durchlauf, 0 mit Abschlussbescheinigung."))
            #expect(
                page.contains(
                    "<th scope=\"row\">Rolle, Mandat und Grenzen</th><td class=\"number\">10</td><td class=\"number\">1,9</td><td class=\"number\">3,2</td>"))
            #expect(!page.contains("Anna Becker") && !page.contains("@demo.cohesion.example\""), "no names, no addresses")
            #expect(try await partner.get(SiteURL.needs(.value(fixture.editionID)).path).status == .forbidden)
            #expect(try await partner.get(SiteURL.researchExport(.value(fixture.editionID)).path).status == .forbidden)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.reports.path).status == .forbidden)
        }
    }

    @Test("the research export carries stable pseudonyms only, and blanks context shared by fewer than five")
    func researchExport() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let first = String(
                decoding: Array(try await lead.get(SiteURL.researchExport(.value(fixture.editionID)).path).body.readableBytesView).dropFirst(3), as: UTF8.self)
            let second = String(
                decoding: Array(try await lead.get(SiteURL.researchExport(.value(fixture.editionID)).path).body.readableBytesView).dropFirst(3), as: UTF8.self)
            #expect(first == second, "pseudonyms are stable between exports")
            let lines = first.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(
                lines[0] == "Pseudonym;Zeitpunkt;Kompetenzfeld;Stand;Bedarf;Stand vorher (rückblickend);Art der Kommune;Größe der Kommune;Anbindung der Stelle")
            #expect(lines.count == 181, "a header and ten people × nine areas × two phases")
            let identifying = ["@", "Becker", "Konstanz"].filter { first.contains($0) }
            #expect(identifying.isEmpty)
            let pseudonyms: Set<String> = Set(lines.dropFirst().map { String($0.prefix { $0 != ";" }) })
            #expect(pseudonyms.count == 10)
            // Two officers work in a Große Kreisstadt (the only kind known in the test's register): blanked.
            #expect(!first.contains("Große Kreisstadt"))
            #expect(first.contains(";ohne Angabe;"))
            let aggregates = String(
                decoding: Array(try await lead.get(SiteURL.aggregatesExport(.value(fixture.editionID)).path).body.readableBytesView).dropFirst(3), as: UTF8.self
            )
            #expect(aggregates.contains("Rolle, Mandat und Grenzen;10;"))
        }
    }
}
