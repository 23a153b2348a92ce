import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The demo's Part 2 has a survey about the whole part (8 answers) and three unit surveys:
/// Leyla Demir's first unit (6), Johanna Reuter's empowerment unit (6) and Leyla Demir's
/// third unit (3, below the threshold).
@Suite("Feedback pooled per part and per facilitator")
struct FeedbackReportTests {
    @Test("the lead sees feedback per part and per facilitator; a survey below the threshold adds no figure and no text")
    func pooledReports() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let overview = try await lead.get(SiteURL.feedbackOverview(.value(fixture.editionID)).path).text
            // Leyla Demir: 4,5,4,3,4,5 → 25/6; Johanna Reuter: 5,5,4,5,4,5 → 28/6.
            #expect(
                overview.contains(
                    "Leyla Demir</a><span class=\"muted\"> (5 Einheiten)</span></th><td class=\"number\">1 (+1 zu klein)</td><td class=\"number\">6</td><td class=\"number\">4,2</td>"
                ))
            #expect(
                overview.contains(
                    "Johanna Reuter</a><span class=\"muted\"> (1 Einheit)</span></th><td class=\"number\">1</td><td class=\"number\">6</td><td class=\"number\">4,7</td>"
                ))

            let part = try await lead.get(SiteURL.partFeedback(.value(fixture.partID)).path).text
            #expect(part.contains("20 Rückmeldungen aus 3 Bögen. 1 Bogen hat weniger als 5 Rückmeldungen und zählt nicht mit."))
            // The unit surveys ask the same question: 25 + 28 over twelve answers.
            #expect(part.contains("<th scope=\"row\">Wie zufrieden waren Sie mit der Einheit?</th><td class=\"number\">12</td><td class=\"number\">4,4</td>"))
            #expect(part.contains("Das Praxisbeispiel aus Singen") && part.contains("Ein Netzwerktreffen mit den Migrantenorganisationen planen."))
            #expect(!part.contains("Fallbeispiele"), "free texts of the survey with three answers stay hidden")
            #expect(part.contains("<svg"))
            #expect(!part.contains("Wie war das Tempo?"), "choice questions stay in their own survey's report")
            #expect(part.contains("Auswahlfragen stehen in den Auswertungen der einzelnen Bögen."))

            let own = try await lead.get(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(fixture.facilitatorID)).path).text
            #expect(own.contains("Feedback zu den Einheiten von Leyla Demir"))
            #expect(own.contains("Die Zeitleiste der Begriffe"))
            #expect(!own.contains("Das Praxisbeispiel aus Singen") && !own.contains("Fallbeispiele"))
            #expect(!own.contains("Was nehmen Sie mit in Ihre Kommune?"), "the survey about the whole part belongs to nobody alone")
        }
    }

    @Test("a higher threshold leaves out the unit surveys; with none at the threshold nothing is shown")
    func threshold() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var config = app.cohesion.config
            config.disclosureMinimum = 7
            app.cohesion.config = config
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let part = try await lead.get(SiteURL.partFeedback(.value(fixture.partID)).path).text
            #expect(part.contains("8 Rückmeldungen aus 1 Bogen. 3 Bögen haben weniger als 7 Rückmeldungen und zählen nicht mit."))
            #expect(!part.contains("Die Zeitleiste der Begriffe"))
            let own = try await lead.get(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(fixture.facilitatorID)).path).text
            #expect(own.contains("Noch kein Bogen hat 7 Rückmeldungen erreicht."))
            #expect(!own.contains("Die Zeitleiste der Begriffe") && !own.contains("<svg"))
        }
    }

    @Test("a facilitator reads the parts they teach in and their own report, not a colleague's")
    func access() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let colleague = try #require(try await User.query(on: app.db).filter(\.$email == "stabsstelle@demo.cohesion.example").first()?.id)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            let overview = try await facilitator.get(SiteURL.feedbackOverview(.value(fixture.editionID)).path)
            #expect(overview.status == .ok)
            #expect(overview.text.contains("Leyla Demir") && !overview.text.contains("Johanna Reuter"))
            let part = try await facilitator.get(SiteURL.partFeedback(.value(fixture.partID)).path)
            #expect(part.status == .ok)
            // Her own unit survey (6) and the part's (8); the colleague's unit is left out, figures and texts.
            #expect(part.text.contains("14 Rückmeldungen aus 2 Bögen."))
            #expect(!part.text.contains("Das Praxisbeispiel aus Singen") && !part.text.contains("Empowerment für Frauen"))
            #expect(try await facilitator.get(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(fixture.facilitatorID)).path).status == .ok)
            #expect(try await facilitator.get(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(colleague)).path).status == .forbidden)
            let home = try await facilitator.get(SiteURL.myProgramme.path).text
            #expect(home.contains(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(fixture.facilitatorID)).path))
            for role in [Role.participant, .partner] {
                var browser = Browser(app)
                try await browser.login(try #require(fixture.accounts[role]))
                #expect(try await browser.get(SiteURL.feedbackOverview(.value(fixture.editionID)).path).status == .forbidden)
                #expect(try await browser.get(SiteURL.partFeedback(.value(fixture.partID)).path).status == .forbidden)
                #expect(try await browser.get(SiteURL.facilitatorFeedback(.value(fixture.editionID), .value(fixture.facilitatorID)).path).status == .forbidden)
            }
        }
    }
}
