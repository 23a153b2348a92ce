import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Feedback surveys")
struct SurveyTests {
    /// Six demo participants attended the fixture's unit; all get the password "ein-passwort-fuer-tests".
    static func attendees(_ fixture: Fixture, on app: Application) async throws -> [User] {
        let people = try await User.query(on: app.db).filter(\.$role == Role.participant).sort(\.$name).all()
        for person in people.prefix(6) {
            let attendance = Attendance()
            attendance.$unit.id = fixture.unitID
            attendance.$user.id = try person.requireID()
            attendance.status = .present
            try await attendance.create(on: app.db)
            person.passwordHash = try app.password.hash("ein-passwort-fuer-tests")
            try await person.save(on: app.db)
        }
        return Array(people)
    }

    static func buildSurvey(_ fixture: Fixture, lead: inout Browser, app: Application) async throws -> (UUID, [SurveyQuestion]) {
        try await lead.get(AdminURL.surveys(.value(fixture.partID)).path)
        let created = try await lead.post(
            AdminURL.surveys(.value(fixture.partID)).path,
            [
                ("title", "Rückmeldung zur Einheit"), ("target", fixture.unitID.uuidString), ("anonymous", "ja"),
                ("opensOn", "2026-01-01"), ("closesOn", "2030-12-31"),
            ])
        #expect(created.status == .seeOther)
        let survey = try #require(try await Survey.query(on: app.db).first())
        let id = try survey.requireID()
        let oneOption = try await lead.post(AdminURL.surveyQuestions(.value(id)).path, [("kind", "single"), ("text", "Format?"), ("options", "Nur eins")])
        #expect(oneOption.text.contains("Bitte mindestens zwei Antworten angeben"))
        for question in [
            [("kind", "scale"), ("text", "Wie hilfreich war die Einheit?")],
            [("kind", "single"), ("text", "Tempo?"), ("options", "zu langsam\npassend\nzu schnell")],
            [("kind", "text"), ("text", "Was nehmen Sie mit?")],
        ] {
            #expect(try await lead.post(AdminURL.surveyQuestions(.value(id)).path, question).status == .seeOther)
        }
        return (id, try await SurveyQuestion.query(on: app.db).sort(\.$position).all())
    }

    @Test("attendees answer once and anonymously; the report waits for five answers, then shows means, charts and texts")
    func answerAndReport() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let people = try await Self.attendees(fixture, on: app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let (surveyID, questions) = try await Self.buildSurvey(fixture, lead: &lead, app: app)
            let path = SiteURL.survey(.value(surveyID)).path
            let report = SiteURL.surveyReport(.value(surveyID)).path
            #expect(try await lead.post(AdminURL.surveyInvite(.value(surveyID)).path).status == .seeOther)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$subject == "Ihre Rückmeldung: Rückmeldung zur Einheit").count() == 6)
            #expect(try await lead.get(AdminURL.survey(.value(surveyID)).path).text.contains("6 Personen haben teilgenommen und noch nicht geantwortet"))

            for (index, person) in people.prefix(5).enumerated() {
                var browser = Browser(app)
                try await browser.login(email: person.email, password: "ein-passwort-fuer-tests")
                #expect(try await browser.get(SiteURL.myProgramme.path).text.contains("Ihre Rückmeldung ist gefragt"))
                try await browser.get(path)
                if index == 0 {
                    let wrong = try await browser.post(path, [("q-" + questions[0].id!.uuidString, "9")])
                    #expect(wrong.status == .unprocessableEntity)
                    #expect(wrong.text.contains("Bitte einen Wert von 1 bis 5 wählen."))
                }
                let sent = try await browser.post(
                    path,
                    [
                        ("q-" + questions[0].id!.uuidString, "\(4 + index % 2)"),
                        ("q-" + questions[1].id!.uuidString, "1"),
                        ("q-" + questions[2].id!.uuidString, "Gedanke \(5 - index), kurz"),
                    ])
                #expect(sent.location == "/mein-programm?hinweis=danke")
                #expect(try await browser.get(path).status == .forbidden, "one answer per person")
                if index == 3 {
                    #expect(try await lead.get(report).text.contains("Noch zu wenige Rückmeldungen"))
                }
            }
            #expect(try await SurveyResponse.query(on: app.db).filter(\.$respondentID != nil).count() == 0, "anonymous answers name nobody")
            #expect(try await lead.get(AdminURL.survey(.value(surveyID)).path).text.contains("1 Person hat teilgenommen und noch nicht geantwortet"))
            let page = try await lead.get(report).text
            #expect(page.contains("Mittelwert: 4,4 (5 Antworten)"))
            #expect(page.contains("<td>passend</td><td class=\"number\">5</td>"))
            #expect(page.contains("<li>Gedanke 1, kurz</li><li>Gedanke 2, kurz</li>"), "free texts whole and sorted, not in the order they came")
            #expect(page.contains("role=\"img\""))

            var outsider = Browser(app)
            let notThere = people[7]
            notThere.passwordHash = try app.password.hash("ein-passwort-fuer-tests")
            try await notThere.save(on: app.db)
            try await outsider.login(email: notThere.email, password: "ein-passwort-fuer-tests")
            #expect(try await outsider.get(path).status == .forbidden, "only those who attended are asked")
        }
    }

    @Test("the unit's facilitator reads the report; another facilitator and participants do not")
    func reportAccess() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let (surveyID, _) = try await Self.buildSurvey(fixture, lead: &lead, app: app)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            #expect(try await facilitator.get(SiteURL.surveyReport(.value(surveyID)).path).status == .ok)
            let singen = try #require(try await User.query(on: app.db).filter(\.$email == "stabsstelle@demo.cohesion.example").first())
            singen.passwordHash = try app.password.hash("ein-passwort-fuer-tests")
            try await singen.save(on: app.db)
            var other = Browser(app)
            try await other.login(email: singen.email, password: "ein-passwort-fuer-tests")
            #expect(try await other.get(SiteURL.surveyReport(.value(surveyID)).path).status == .forbidden)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.surveyReport(.value(surveyID)).path).status == .forbidden)
        }
    }
}
