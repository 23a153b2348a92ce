import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Impact: trace, follow-up, comparison, report and API")
struct ImpactReportTests {
    static let strategic = "Strategisches Handeln in der Verwaltung"

    @Test("a strong need taken up by a unit keeps its link through an edit of the unit and says so once the unit is deleted; bad decisions are refused")
    func traceSurvivesEdits() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let area = try #require(try await CompetenceArea.query(on: app.db).filter(\.$title == Self.strategic).first())
            let needs = SiteURL.needs(.value(fixture.editionID)).path
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let before = try await lead.get(needs).text
            #expect(before.contains("<th scope=\"row\">\(Self.strategic)</th><td>7 von 10</td><td>Einschätzung „Vorher (vor Teil 1)“</td><td>offen</td>"))

            // Dismissing without a reason: the message, and the chosen area kept.
            let refused = try await lead.post(
                SiteURL.needDecisions(.value(fixture.editionID)).path, [("feld", try area.requireID().uuidString), ("aktion", "verwerfen")])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Bitte kurz begründen, warum der Bedarf nicht aufgegriffen wird."))
            #expect(refused.text.contains("<option value=\"\(try area.requireID().uuidString)\" selected>"))
            #expect(try await NeedDecision.query(on: app.db).count() == 0, "nothing half-saved")

            let unit = try #require(try await Unit.find(fixture.unitID, on: app.db))
            let taken = try await lead.post(
                SiteURL.needDecisions(.value(fixture.editionID)).path,
                [("feld", try area.requireID().uuidString), ("einheit", fixture.unitID.uuidString), ("aktion", "aufgreifen")])
            #expect(taken.status == .seeOther)
            #expect(try await lead.get(needs).text.contains("aufgegriffen mit „\(unit.title)“ in Teil 2"))
            #expect(
                try await UnitCompetenceArea.query(on: app.db).filter(\.$unit.$id == fixture.unitID).filter(\.$competenceArea.$id == area.requireID()).count()
                    == 1,
                "the unit now addresses the area")
            #expect(!(try await lead.get(needs).text.contains("„\(Self.strategic)“ als starken Bedarf ein")), "no longer suggested")

            let originalTitle = unit.title
            unit.title = "Strategisch handeln in der Verwaltung"
            try await unit.save(on: app.db)
            let edited = try await lead.get(needs).text
            #expect(edited.contains("aufgegriffen mit „Strategisch handeln in der Verwaltung“ in Teil 2"))

            try await unit.delete(on: app.db)
            let deleted = try await lead.get(needs).text
            #expect(deleted.contains("aufgegriffen mit „\(originalTitle)“ – diese Einheit ist inzwischen gelöscht"))
            #expect(deleted.contains("+0,30 (95 %: −0,05 bis 0,65; 10 Paare)"), "the change in that area afterwards")

            // The partner reads the same trace in the report, without the form.
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            let report = try await partner.get(SiteURL.partnerReport(.value(fixture.editionID)).path).text
            #expect(report.contains("diese Einheit ist inzwischen gelöscht") && !report.contains("name=\"aktion\""))
        }
    }

    @Test("the lead opens the follow-up after the last part; participants answer once and anonymously; figures only from the threshold on")
    func followUp() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let phase = AdminURL.followUpPhase(.value(fixture.editionID)).path
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(phase)
            let early = try await lead.post(phase, [("beginn", "2023-07-01"), ("ende", "2023-08-01")])
            #expect(early.status == .unprocessableEntity)
            #expect(early.text.contains("Die Nachbefragung beginnt nach dem letzten Teil, frühestens am 22. Juli 2023."))
            #expect(early.text.contains("value=\"2023-08-01\""), "what was typed stays")
            #expect(try await FollowUpPhase.query(on: app.db).count() == 0)
            #expect(try await lead.post(phase, [("beginn", "2023-11-20"), ("ende", "2023-12-20")]).status == .seeOther)

            clock.set(to: CalendarDay(year: 2023, month: 12, day: 1))
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.myProgramme.path).text.contains("Nachbefragung „Prototyp-Durchlauf 2022/23“"))
            let form = SiteURL.followUp(.value(fixture.editionID)).path
            try await participant.get(form)
            let areas = try await CompetenceArea.query(on: app.db).sort(\.$position).all()
            let refused = try await participant.post(form, [("veraenderungen", "erfunden")])
            #expect(refused.status == .unprocessableEntity && refused.text.contains("Bitte nur aus der Liste wählen."))
            let answered = try await participant.post(
                form,
                [
                    ("felder", try areas[0].requireID().uuidString.lowercased()), ("veraenderungen", "netzwerktreffen"),
                    ("veraenderungen", "kooperation"), ("geholfen", "kohorte"), ("gehindert", "zeit"),
                ])
            #expect(answered.status == .seeOther)
            #expect(try await participant.get(form).status == .forbidden, "once")
            let stored = try #require(try await FollowUpResponse.query(on: app.db).first())
            #expect(stored.changes == "netzwerktreffen,kooperation")
            #expect(try await FollowUpParticipation.query(on: app.db).count() == 1)

            let report = SiteURL.partnerReport(.value(fixture.editionID)).path
            let small = try await lead.get(report).text
            #expect(small.contains("1 von 10 Teilnehmer*innen haben geantwortet. Ausgewertet wird ab 5 Antworten"))
            #expect(!small.contains("Neue Kooperation vereinbart: "), "no count below the threshold")

            // Two more answers (as the form stores them), and a threshold of three.
            let phaseID = try #require(try await FollowUpPhase.query(on: app.db).first()?.requireID())
            for changes in ["kooperation", ""] {
                let response = FollowUpResponse()
                response.$phase.id = phaseID
                (response.areasUsed, response.changes, response.helped, response.hindered) = ("", changes, "", "")
                try await response.create(on: app.db)
            }
            var config = app.cohesion.config
            config.disclosureMinimum = 3
            app.cohesion.config = config
            let shown = try await lead.get(report).text
            #expect(shown.contains("Neue Kooperation vereinbart: 2 von 3"))
            #expect(shown.contains("<th scope=\"row\">Neue Kooperation vereinbart</th><td class=\"number\">2</td><td class=\"number\">3</td>"))
        }
    }

    @Test("the comparison reads every edition at once: each column holds its impact report's figures, and more editions send no more statements")
    func comparisonReadsAllEditionsAtOnce() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            try await DemoData.seedImpact(on: app.db)
            let today = BerlinTime.day(of: Date())
            let rule = DisclosureRule(minimumGroupSize: 5)
            func built() async throws -> (comparison: ProgrammeComparison, statements: Int) {
                let log = StatementLog()
                app.logger = Logger(label: "statements") { _ in StatementLog.Handler(log: log) }
                let comparison = try await ProgrammeComparison.query(programmeID: fixture.programmeID, today: today, rule: rule, cache: nil, on: app.sql)
                app.logger = Logger(label: "quiet")
                return (try #require(comparison), log.statements)
            }
            let (comparison, statements) = try await built()
            #expect(comparison.shown.count >= 2, "both demo runs are shown")
            for (column, figures) in comparison.shown {
                let report = try #require(
                    try await ImpactReport.query(editionID: column.editionID, detail: .partner, today: today, rule: rule, cache: nil, on: app.sql))
                #expect(figures.members == report.members && figures.certificates == report.certificates)
                #expect(figures.satisfaction == report.satisfaction && figures.surveyResponses == report.surveyResponses, "\(column.title)")
                #expect(figures.change.map(\.pairs) == report.change.rows.map(\.pairs))
                #expect(figures.change.map { $0.change?.meanDifference } == report.change.rows.map { $0.change?.meanDifference })
                #expect(figures.change.map { $0.change?.confidenceLow } == report.change.rows.map { $0.change?.confidenceLow })
                #expect(figures.needs == report.needs.overall, "\(column.title)")
                #expect(figures.transfer.opensOn == report.transfer.opensOn)
                #expect(figures.transfer.summary.responses == report.transfer.summary.responses)
                #expect(figures.transfer.summary.withAnyChange == report.transfer.summary.withAnyChange)
                #expect(figures.transfer.summary.projects == report.transfer.summary.projects)
            }
            #expect(comparison.shown.contains { $0.report.satisfaction != nil && $0.report.change.contains { $0.change != nil } && !$0.report.needs.isEmpty })

            // Three more editions large enough to show: the same statements as before.
            let people = try await User.query(on: app.db).filter(\.$role == .participant).limit(6).all()
            for number in 1...3 {
                let edition = Edition(programmeID: fixture.programmeID, title: "Weiterer Durchlauf \(number)", summary: "")
                try await edition.create(on: app.db)
                for person in people { try await EditionMember(editionID: try edition.requireID(), userID: try person.requireID()).create(on: app.db) }
            }
            let (more, moreStatements) = try await built()
            #expect(more.shown.count == comparison.shown.count + 3)
            #expect(moreStatements == statements, "\(statements) statements for \(comparison.shown.count) editions, \(moreStatements) for \(more.shown.count)")
        }
    }

    @Test("editions side by side: an edition with fewer members than the threshold shows no figure, the others their report's")
    func comparisonHidesSmallEditions() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let small = Edition(programmeID: fixture.programmeID, title: "Kleiner Durchlauf 2026", summary: "")
            try await small.create(on: app.db)
            for email in ["a.becker@demo.cohesion.example", "m.yilmaz@demo.cohesion.example"] {
                let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
                try await EditionMember(editionID: try small.requireID(), userID: try user.requireID()).create(on: app.db)
            }
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            let page = try await partner.get(SiteURL.programmeReport(.value(fixture.programmeID)).path).text
            #expect(page.contains("„Kleiner Durchlauf 2026“ hat weniger als 5 Teilnehmer*innen und bleibt ohne Zahlen."))
            #expect(page.contains("<th scope=\"row\">Teilnehmer*innen</th><td class=\"number\">10</td><td class=\"number\">unter 5</td>"))
            #expect(page.contains("<th scope=\"row\">Abschluss</th><td class=\"number\">0 von 10</td><td class=\"number\">zu klein</td>"))
            #expect(page.contains("<title>Kleiner Durchlauf 2026: unter 5 Teilnehmer*innen</title>"))
            #expect(!page.contains("Kleiner Durchlauf 2026: 2") && !page.contains("(2)"), "not even its size")
            // Change and needs list only the editions shown.
            #expect(page.contains("+1,30 (95 %: 0,95 bis 1,65; 10 Paare)"))
            #expect(!page.contains("<th scope=\"col\" class=\"number\">Kleiner Durchlauf 2026</th></tr></thead><tbody><tr><th scope=\"row\">Rolle"))
        }
    }

    @Test("the report's PDF is a PDF/A whose text holds the figures and the trace, from the lead's own template too")
    func reportPDF() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            let response = try await partner.get(SiteURL.impactReportPDF(.value(fixture.editionID)).path)
            #expect(response.status == .ok && response.headers.contentType == .init(type: "application", subType: "pdf"))
            let pdf = Data(response.body.readableBytesView)
            #expect(try CertificateTests.poppler("pdfinfo", ["-meta"], pdf: pdf).contains("<pdfaid:part>2</pdfaid:part>"))
            let text = try CertificateTests.poppler("pdftotext", ["-layout"], pdf: pdf)
            #expect(text.contains("Wirkungsbericht: Prototyp-Durchlauf 2022/23"))
            #expect(text.contains("(Fassung für Partner)"))
            #expect(text.contains("Rolle, Mandat und Grenzen: +1,30 (95 %: 0,95 bis 1,65; 10 Paare); Then-Test +1,50"))
            #expect(text.contains("Teil 2: Fachkenntnisse und Empowerment: Zufriedenheit 4,4 (n = 20)"))
            #expect(text.contains("Jede Zahl beruht auf mindestens 5 Antworten"))

            // The lead's own template: without the method refused, with it used for the next PDF.
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.impactReportTemplate.path
            _ = try await lead.get(page)
            let withoutMethod = ImpactReportTemplate.fodt.replacingOccurrences(of: "{{METHODE}}", with: "")
            _ = try await MaterialTests.upload(
                &lead, app: app, path: page, fileName: "ohne-methode.fodt", contentType: "application/xml", bytes: Array(withoutMethod.utf8))
            #expect(try await lead.get(page).text.contains("Platzhalter fehlen: {{METHODE}}"))
            let own = ImpactReportTemplate.fodt.replacingOccurrences(of: "Wirkungsbericht: {{DURCHLAUF}}", with: "Bericht an den Beirat: {{DURCHLAUF}}")
            _ = try await MaterialTests.upload(&lead, app: app, path: page, fileName: "beirat.fodt", contentType: "application/xml", bytes: Array(own.utf8))
            #expect(try await lead.get(page).text.contains("Die Vorlage „beirat.fodt“ gilt jetzt für alle Wirkungsberichte."))
            let ownPDF = Data(buffer: try await lead.get(SiteURL.impactReportPDF(.value(fixture.editionID)).path).body)
            let ownText = try CertificateTests.poppler("pdftotext", ["-layout"], pdf: ownPDF)
            #expect(ownText.contains("Bericht an den Beirat: Prototyp-Durchlauf 2022/23") && ownText.contains("(Fassung der Programmleitung)"))
        }
    }

    @Test("GET /api/v1/editions/{edition}/report gives the report's figures; hidden ones are left out, not zero")
    func apiReport() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var partner = Browser(app)
            partner.bearer = try await APITokenTests.token(app, fixture, .partner, scope: .read)
            let path = "/api/v1/editions/\(fixture.editionID)/report"
            let report = try APITests.object(try await partner.get(path))
            #expect(report["members"] as? Int == 10 && report["minimumGroup"] as? Int == 5)
            let learning = try #require(report["learning"] as? [[String: Any]])
            let role = try #require(learning.first { $0["area"] as? String == "Rolle, Mandat und Grenzen" })
            let change = try #require(role["change"] as? [String: Any])
            #expect(abs((change["mean"] as? Double ?? 0) - 1.3) < 1e-9)
            #expect(abs((role["meanNeed"] as? Double ?? 0) - 3.0) < 1e-9)
            let parts = try #require((report["reaction"] as? [String: Any])?["parts"] as? [[String: Any]])
            #expect(parts.first?["satisfaction"] == nil, "Part 1 had no survey: no figure, not zero")

            var config = app.cohesion.config
            config.disclosureMinimum = 11
            app.cohesion.config = config
            let hidden = try #require(try APITests.object(try await partner.get(path))["learning"] as? [[String: Any]])
            #expect(hidden.allSatisfy { $0["change"] == nil && $0["meanNeed"] == nil && $0["pairs"] as? Int == 10 })
            var participant = Browser(app)
            participant.bearer = try await APITokenTests.token(app, fixture, .participant, scope: .read)
            #expect(try await participant.get(path).status == .forbidden)
        }
    }
}

@Suite("Impact under contention")
struct ImpactContentionTests {
    @Test("a follow-up sent twice at once is stored once and answered without an error; two decisions on one need at once leave one")
    func doubleSubmits() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let phase = FollowUpPhase()
            phase.$edition.id = fixture.editionID
            phase.opensOn = CalendarDay(year: 2023, month: 11, day: 20)
            phase.closesOn = CalendarDay(year: 2023, month: 12, day: 20)
            try await phase.create(on: app.db)
            clock.set(to: CalendarDay(year: 2023, month: 12, day: 1))
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let form = SiteURL.followUp(.value(fixture.editionID)).path
            try await participant.get(form)
            let sender = participant
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var browser = sender
                        return try await browser.post(form, [("veraenderungen", "kooperation")]).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .seeOther || $0 == .forbidden }, "\(statuses)")
            #expect(try await FollowUpResponse.query(on: app.db).count() == 1)
            #expect(try await FollowUpParticipation.query(on: app.db).count() == 1)

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(SiteURL.needs(.value(fixture.editionID)).path)
            let area = try #require(try await CompetenceArea.query(on: app.db).filter(\.$title == ImpactReportTests.strategic).first()).requireID()
            let deciding = lead
            let decisions = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for reason in ["Erster Grund", "Zweiter Grund", "Dritter Grund"] {
                    group.addTask {
                        var browser = deciding
                        return try await browser.post(
                            SiteURL.needDecisions(.value(fixture.editionID)).path, [("feld", area.uuidString), ("grund", reason), ("aktion", "verwerfen")]
                        ).status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(decisions.allSatisfy { $0 == .seeOther }, "\(decisions)")
            #expect(try await NeedDecision.query(on: app.db).count() == 1)
        }
    }
}
