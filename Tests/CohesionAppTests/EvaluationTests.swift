import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Needs and change reports")
struct EvaluationTests {
    /// A row of the change table: label, pairs, before, before judged afterwards, after, difference.
    static func row(_ label: String, _ pairs: String, _ before: String, _ retrospective: String, _ after: String, _ difference: String) -> String {
        "<th scope=\"row\">\(label)</th>" + [pairs, before, retrospective, after, difference].map { "<td class=\"number\">\($0)</td>" }.joined()
    }

    @Test("the needs page names the strong need no unit of the next part covers, and hides groups below five")
    func needs() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = try await lead.get(SiteURL.needs(.value(fixture.editionID)).path).text
            #expect(page.contains("7 von 10 schätzen „Strategisches Handeln in der Verwaltung“ als starken Bedarf ein; keine Einheit von Teil 2 deckt es ab."))
            // Two officers in a Große Kreisstadt are too few, and the other eight would give them away: one sentence, no table of hidden cells.
            #expect(page.contains("Nach Art der Kommune aufgeteilt bliebe jede Gruppe verborgen"))
            #expect(!page.contains("<th scope=\"col\" class=\"number\">ohne Angabe</th>"))
            #expect(page.contains("10 Personen haben geantwortet"))
            var config = app.cohesion.config
            config.disclosureMinimum = 4
            app.cohesion.config = config
            // By post: four, three and three officers; the two threes are too few, together they are enough.
            let byPost = try await lead.get(SiteURL.needs(.value(fixture.editionID)).path + "?kontext=stelle").text
            #expect(byPost.contains("zu wenige (3)"))
            #expect(
                byPost.contains("<th scope=\"col\" class=\"number\">Stabsstelle bei der Verwaltungsspitze (Bürgermeister*in, Landrät*in)</th>"),
                "numeric columns have right-aligned headings")
            #expect(byPost.contains("Stabsstelle bei der Verwaltungsspitze"))
        }
    }

    @Test("the change page shows means before and after, the paired difference, its interval and d; small groups stay hidden")
    func change() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let page = try await facilitator.get(SiteURL.change(.value(fixture.editionID)).path).text
            // Area 1 of the demo (`DemoRatingPattern`): before 1,2,2,3,2,1,3,2,2,1 (mean 1.9), judged afterwards
            // 1,2,1,3,2,1,3,1,2,1 (1.7: response shift), after 3,3,3,4,4,2,4,4,3,2 (3.2).
            #expect(page.contains(Self.row("Rolle, Mandat und Grenzen", "10", "1,9", "1,7", "3,2", "+1,30")))
            // Heated debates get worse: before 2.9, after 2.6.
            #expect(page.contains(Self.row("Kommunikation in aufgeheizten Debatten", "10", "2,9", "2,5", "2,6", "−0,30")))
            #expect(page.contains("Response Shift"))
            var config = app.cohesion.config
            config.disclosureMinimum = 11
            app.cohesion.config = config
            let hidden = try await facilitator.get(SiteURL.change(.value(fixture.editionID)).path).text
            #expect(hidden.contains("zu wenige Paare"))
            #expect(!hidden.contains("+1,30"))
        }
    }

    @Test("the change splits by the post's embedding; groups below the threshold stay hidden")
    func changeByContext() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let path = SiteURL.change(.value(fixture.editionID)).path + "?kontext=stelle"
            var config = app.cohesion.config
            config.disclosureMinimum = 3
            app.cohesion.config = config
            let open = try await lead.get(path).text
            // Area 1, staff units (demo officers 1, 4, 7, 10): before 1,3,3,1, afterwards judged the same, after 3,4,4,2.
            #expect(open.contains(Self.row("Stabsstelle bei der Verwaltungsspitze (Bürgermeister*in, Landrät*in)", "4", "2,0", "2,0", "3,3", "+1,25")))
            // Officers 2, 5, 8 in an office: before 2,2,2, judged afterwards 2,2,1, after 3,4,4.
            #expect(open.contains(Self.row("Stelle in einem Amt oder Fachbereich", "3", "2,0", "1,7", "3,7", "+1,67")))
            config.disclosureMinimum = 4
            app.cohesion.config = config
            let strict = try await lead.get(path).text
            #expect(
                strict.contains(
                    "<th scope=\"row\">Stabsstelle bei der Verwaltungsspitze (Bürgermeister*in, Landrät*in)</th><td class=\"number\">4</td><td class=\"number\">2,0</td>"
                ))
            #expect(
                strict.contains(
                    "<th scope=\"row\">Stelle in einem Amt oder Fachbereich</th><td class=\"number\">3</td><td class=\"muted\" colspan=\"6\">zu wenige Paare</td>"
                ))
            #expect(!strict.contains("+1,67"))
        }
    }

    @Test("participants and partners do not see the cohort's needs")
    func access() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            for role in [Role.participant, .partner] {
                var browser = Browser(app)
                try await browser.login(try #require(fixture.accounts[role]))
                #expect(try await browser.get(SiteURL.needs(.value(fixture.editionID)).path).status == .forbidden)
                #expect(try await browser.get(SiteURL.change(.value(fixture.editionID)).path).status == .forbidden)
            }
        }
    }
}
