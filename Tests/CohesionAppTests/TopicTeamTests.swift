import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Topic teams and their result")
struct TopicTeamTests {
    static let colleagueEmail = "stabsstelle@demo.cohesion.example"

    /// A team proposed by the participant, joined by a colleague; both signed in.
    static func team(_ app: Application, _ fixture: Fixture) async throws -> (UUID, Browser, Browser) {
        var proposer = Browser(app)
        try await proposer.login(try #require(fixture.accounts[.participant]))
        try await proposer.get(SiteURL.topicTeams.path)
        let empty = try await proposer.post(SiteURL.topicTeams.path, [("frage", " "), ("beschreibung", "Nur Text")])
        #expect(empty.status == .unprocessableEntity && empty.text.contains("Nur Text"), "the form keeps what was typed")
        #expect(try await TopicTeam.query(on: app.db).count() == 0)
        let created = try await proposer.post(SiteURL.topicTeams.path, [("frage", "Wie gelingt eine Netzwerkrunde?"), ("beschreibung", "")])
        #expect(created.status == .seeOther)
        let teamID = try #require(try await TopicTeam.query(on: app.db).first()).requireID()
        var colleague = try await Browser.signedIn(app, as: colleagueEmail)
        let outside = try await colleague.get(SiteURL.topicTeam(.value(teamID)).path)
        #expect(outside.status == .ok && outside.text.contains("Dem Team beitreten"))
        #expect(!outside.text.contains("id=\"mitglieder\""), "names and municipalities are for members")
        #expect(try await colleague.post(SiteURL.topicTeamJoin(.value(teamID)).path).status == .seeOther)
        #expect(try await colleague.post(SiteURL.topicTeamJoin(.value(teamID)).path).status == .seeOther, "joining twice changes nothing")
        #expect(try await TopicTeamMember.query(on: app.db).count() == 2)
        try await proposer.get(SiteURL.topicTeamResult(.value(teamID)).path)
        try await colleague.get(SiteURL.topicTeamResult(.value(teamID)).path)
        return (teamID, proposer, colleague)
    }

    @Test("members see each other's names and municipalities; leaving keeps what they wrote")
    func membership() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await MunicipalProfileTests.profile(for: fixture.participantID, region: "08335043", on: app.db)
            var (teamID, proposer, colleague) = try await Self.team(app, fixture)
            let page = try await colleague.get(SiteURL.topicTeam(.value(teamID)).path).text
            #expect(page.contains("id=\"mitglieder\"") && page.contains("Konstanz"))
            #expect(try await colleague.post(SiteURL.topicTeamPosts(.value(teamID)).path, [("text", "Wer lädt ein?")]).status == .seeOther)
            let post = try #require(try await TopicTeamPost.query(on: app.db).first())
            let answered = try await proposer.post(
                SiteURL.topicTeamPosts(.value(teamID)).path, [("antwort_auf", try post.requireID().uuidString), ("text", "Die Stabsstelle.")])
            #expect(answered.status == .seeOther)
            let foreignParent = try await proposer.post(SiteURL.topicTeamPosts(.value(teamID)).path, [("antwort_auf", UUID().uuidString), ("text", "x")])
            #expect(foreignParent.status == .unprocessableEntity)
            #expect(try await colleague.post(SiteURL.topicTeamLeave(.value(teamID)).path).status == .seeOther)
            #expect(try await TopicTeamPost.query(on: app.db).count() == 2)
            #expect(try await colleague.get(SiteURL.topicTeamResult(.value(teamID)).path).status == .forbidden, "the result is for members")
            _ = proposer
        }
    }

    @Test("an edit on an older version is not saved over the newer one: the editor sees both and decides")
    func editConflict() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var (teamID, proposer, colleague) = try await Self.team(app, fixture)
            let path = SiteURL.topicTeamResult(.value(teamID)).path
            #expect(try await proposer.post(path, [("grundlage", "0"), ("text", "Wir laden alle Träger ein."), ("notiz", "Anfang")]).status == .seeOther)
            clock.advance(by: 60)
            // The colleague started from version 1 too …
            try await colleague.get(path)
            try await proposer.get(path)
            #expect(try await proposer.post(path, [("grundlage", "1"), ("text", "Wir laden alle Vereine und Träger ein.")]).status == .seeOther)
            // … and saves after the proposer: version 2 stays, the colleague's text comes back beside it.
            let crossed = try await colleague.post(path, [("grundlage", "1"), ("text", "Wir laden alle Träger schriftlich ein.")])
            #expect(crossed.status == .conflict)
            #expect(crossed.text.contains("Jemand hat inzwischen gespeichert"))
            #expect(crossed.text.contains("Wir laden alle Träger schriftlich ein."), "the editor's own text is kept")
            #expect(
                crossed.text.contains("<ins><span class=\"visually-hidden\">[hinzugefügt: </span>Vereine und <span class=\"visually-hidden\">]</span></ins>"))
            #expect(crossed.text.contains("name=\"grundlage\" value=\"2\""), "saving again builds on the newer version")
            #expect(try await TopicTeamVersion.query(on: app.db).count() == 2)
            #expect(try await colleague.post(path, [("grundlage", "2"), ("text", "Wir laden alle Vereine und Träger schriftlich ein.")]).status == .seeOther)
            let versions = try await TopicTeamVersion.query(on: app.db).sort(\.$number).all()
            #expect(versions.map(\.number) == [1, 2, 3])
            // Any two versions compare word by word.
            let comparison = try await colleague.get(SiteURL.topicTeamVersions(.value(teamID)).path + "?von=1&bis=3")
            #expect(comparison.status == .ok && comparison.text.contains("Fassung 1 → Fassung 3"))
            #expect(comparison.text.contains("0 Wörter entfernt, 3 hinzugefügt"))
            #expect(try await colleague.get(SiteURL.topicTeamVersions(.value(teamID)).path + "?von=1&bis=9").status == .notFound)
            let hostile = try await colleague.post(path, [("grundlage", "abc"), ("text", "x")])
            #expect(hostile.status == .unprocessableEntity)
        }
    }

    @Test("two members saving on the same version at the same moment: exactly one version is written, the other sees both texts")
    func simultaneousSaves() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let (teamID, proposer, colleague) = try await Self.team(app, fixture)
            let path = SiteURL.topicTeamResult(.value(teamID)).path
            for round in 0..<5 {
                let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                    for (browser, text) in [(proposer, "Fassung A \(round)"), (colleague, "Fassung B \(round)")] {
                        group.addTask {
                            var browser = browser
                            return try await browser.post(path, [("grundlage", String(round)), ("text", text)]).status
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(statuses.sorted { $0.code < $1.code } == [.seeOther, .conflict], "round \(round): \(statuses)")
                #expect(try await TopicTeamVersion.query(on: app.db).count() == round + 1)
            }
        }
    }

    @Test("a finished result is offered to the portal; publishing it makes it findable, and the team links to it")
    func finishAndPublish() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var (teamID, proposer, _) = try await Self.team(app, fixture)
            #expect(try await proposer.post(SiteURL.topicTeamFinish(.value(teamID)).path).status == .conflict, "nothing to finish yet")
            let path = SiteURL.topicTeamResult(.value(teamID)).path
            #expect(try await proposer.post(path, [("grundlage", "0"), ("text", "Ein Integrationskonzept braucht Beteiligung.")]).status == .seeOther)
            #expect(try await proposer.post(SiteURL.topicTeamFinish(.value(teamID)).path).status == .seeOther)
            #expect(try await proposer.get(path).status == .conflict, "a finished result is not edited any more")
            let form = try await proposer.get(SiteURL.portalFromTeam(.value(teamID)).path)
            #expect(form.status == .ok)
            let area = try #require(try await CompetenceArea.query(on: app.db).first()).requireID().uuidString.lowercased()
            let missing = try await proposer.post(SiteURL.portalFromTeam(.value(teamID)).path, [("titel", "Integrationskonzept"), ("zusammenfassung", "Kurz")])
            #expect(missing.status == .unprocessableEntity && missing.text.contains("mindestens einen Kompetenzbereich"))
            let published = try await proposer.post(
                SiteURL.portalFromTeam(.value(teamID)).path,
                [("titel", "Integrationskonzept"), ("zusammenfassung", "Kurz"), ("bereich", area), ("feld", "housing"), ("oeffentlich", "ja")])
            #expect(published.status == .seeOther)
            let article = try #require(try await PortalArticle.query(on: app.db).first())
            #expect(try await PortalArticleAuthor.query(on: app.db).count() == 2, "every member is an author")
            #expect(try await PortalSearch(text: "Konzept", publicOnly: false).run(on: app.sql).hits.map(\.id) == [article.id!])
            #expect(try await proposer.get(SiteURL.topicTeam(.value(teamID)).path).text.contains("Im Praxisportal: Integrationskonzept"))
            #expect(try await proposer.get(SiteURL.portalFromTeam(.value(teamID)).path).status == .conflict, "published once")
        }
    }
}

@Suite("A topic team's documents")
struct TopicTeamDocumentTests {
    @Test("members share files under the rules of unit material; a refused file says why; only the uploader deletes")
    func documents() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var (teamID, proposer, colleague) = try await TopicTeamTests.team(app, fixture)
            try await proposer.get(SiteURL.topicTeam(.value(teamID)).path)
            let path = SiteURL.topicTeamDocuments(.value(teamID)).path
            let script = try await MaterialTests.upload(&proposer, app: app, path: path, fileName: "leitfaden.pdf", bytes: Array("<html><script>".utf8))
            #expect(script.status == .unsupportedMediaType && script.text.contains("wurde nicht angenommen"))
            let empty = try await proposer.post(path, [])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Bitte eine Datei wählen."))
            let stored = try await MaterialTests.upload(
                &proposer, app: app, path: path, fileName: "Einladung.txt", contentType: "text/plain", bytes: Array("Liebe Träger".utf8))
            #expect(stored.status == .seeOther)
            let document = try #require(try await TopicTeamDocument.query(on: app.db).first())
            let link = SiteURL.topicTeamDocument(.value(teamID), .value(try document.requireID())).path
            let download = try await colleague.get(link)
            #expect(download.status == .ok && download.text == "Liebe Träger")
            #expect(download.headers.first(name: .contentDisposition)?.contains("attachment") == true)
            let page = try await colleague.get(SiteURL.topicTeam(.value(teamID)).path)
            #expect(page.text.contains("Einladung.txt") && !page.text.contains(SiteURL.topicTeamDocumentDelete(.value(teamID), .value(document.id!)).path))
            #expect(try await colleague.post(SiteURL.topicTeamDocumentDelete(.value(teamID), .value(document.id!)).path).status == .forbidden)
            #expect(try await proposer.post(SiteURL.topicTeamDocumentDelete(.value(teamID), .value(document.id!)).path).status == .seeOther)
            #expect(try await TopicTeamDocument.query(on: app.db).count() == 0)
        }
    }
}
