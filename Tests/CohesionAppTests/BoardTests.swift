import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The board of an edition")
struct BoardTests {
    static func board(_ fixture: Fixture) -> String { SiteURL.board(.value(fixture.editionID)).path }

    @Test("a participant asks, a facilitator answers one level deep, only the lead announces, and formatting becomes markup only through Cohesion")
    func askAndAnswer() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(Self.board(fixture))
            let empty = try await participant.post(Self.board(fixture), [("titel", "Nur ein Titel"), ("text", "  ")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Bitte einen Text angeben."))
            #expect(empty.text.contains("value=\"Nur ein Titel\""), "the form keeps what was typed")
            #expect(try await BoardPost.query(on: app.db).count() == 0, "nothing is half-saved")
            // A participant's form offers no announcement; a request that asks for one still makes a question.
            #expect(
                try await participant.post(Self.board(fixture), [("art", "ankuendigung"), ("titel", "Wichtig"), ("text", "Alle herhören")]).status == .seeOther)
            #expect(try await BoardPost.query(on: app.db).filter(\.$kind == .announcement).count() == 0)
            try await BoardPost.query(on: app.db).delete()

            let asked = try await participant.post(
                Self.board(fixture),
                [
                    ("titel", "Beirat <b>besetzen</b>"),
                    (
                        "text",
                        "Wie macht ihr das?\n\n- **Satzung** anpassen\n- *offene* Wahl\n\n[Mehr](https://example.org/beirat) <script>alert(1)</script> [böse](javascript:alert(1))"
                    ),
                ])
            #expect(asked.status == .seeOther)
            let question = try #require(try await BoardPost.query(on: app.db).first())
            #expect(question.kind == .question)
            let page = try await participant.get(Self.board(fixture)).text
            #expect(page.contains("<ul><li><strong>Satzung</strong> anpassen</li><li><em>offene</em> Wahl</li></ul>"))
            #expect(page.contains("<a href=\"https://example.org/beirat\" rel=\"nofollow ugc noopener\">Mehr</a>"))
            #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>alert(1)"))
            #expect(!page.contains("href=\"javascript:"))
            #expect(page.contains("[böse](javascript:alert(1))"), "a link Cohesion refuses stays text")
            #expect(page.contains("Beirat &lt;b&gt;besetzen&lt;/b&gt;"))

            clock.advance(by: 60)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            try await facilitator.get(Self.board(fixture))
            let reply = SiteURL.boardReply(.value(fixture.editionID), .value(try question.requireID())).path
            #expect(try await facilitator.post(reply, [("text", "Offen einladen, dann wählen.")]).status == .seeOther)
            let answer = try #require(try await BoardPost.query(on: app.db).filter(\.$parentID == question.id).first())
            #expect(answer.kind == .answer)
            // One level deep: an answer to an answer is refused.
            let deeper = try await facilitator.post(
                SiteURL.boardReply(.value(fixture.editionID), .value(try answer.requireID())).path, [("text", "Noch tiefer")])
            #expect(deeper.status == .conflict)

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(Self.board(fixture))
            #expect(
                try await lead.post(Self.board(fixture), [("art", "ankuendigung"), ("titel", "Material ist online"), ("text", "Siehe Teil 2.")]).status
                    == .seeOther)
            #expect(try await BoardPost.query(on: app.db).filter(\.$kind == .announcement).count() == 1)
            // What is new for the participant since their last visit: the answer and the announcement, not their own question.
            #expect(try await participant.get(SiteURL.exchange.path).text.contains("3 Beiträge, davon 2 neu"))
            try await participant.get(Self.board(fixture))
            clock.advance(by: 1)
            #expect(!(try await participant.get(SiteURL.exchange.path).text.contains(", davon ")), "a visit marks them seen")
        }
    }

    @Test("authors edit and delete their own posts, a deleted post leaves a marker, another's post is refused")
    func ownPosts() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(Self.board(fixture))
            try await participant.post(Self.board(fixture), [("titel", "Sprachmittlung"), ("text", "Pool oder Dienstleister?")])
            let question = try #require(try await BoardPost.query(on: app.db).first())
            let id = try question.requireID()
            var colleague = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            try await colleague.get(Self.board(fixture))
            try await colleague.post(SiteURL.boardReply(.value(fixture.editionID), .value(id)).path, [("text", "Pool, mit Schulung.")])
            #expect(try await colleague.get(SiteURL.boardEdit(.value(fixture.editionID), .value(id)).path).status == .forbidden)
            #expect(try await colleague.post(SiteURL.boardDelete(.value(fixture.editionID), .value(id)).path).status == .forbidden)

            let edit = SiteURL.boardEdit(.value(fixture.editionID), .value(id)).path
            #expect(try await participant.get(edit).text.contains(">Pool oder Dienstleister?</textarea>"))
            let tooLong = try await participant.post(edit, [("titel", "Sprachmittlung"), ("text", String(repeating: "x", count: 10_001))])
            #expect(tooLong.status == .unprocessableEntity && tooLong.text.contains("Höchstens 10000 Zeichen"))
            #expect(
                try await participant.post(edit, [("titel", "Sprachmittlung im Bürgerbüro"), ("text", "Pool oder Dienstleister? Erfahrungen?")]).status
                    == .seeOther)
            let edited = try #require(try await BoardPost.find(id, on: app.db))
            #expect(edited.title == "Sprachmittlung im Bürgerbüro" && edited.editedAt != nil)

            #expect(try await participant.post(SiteURL.boardDelete(.value(fixture.editionID), .value(id)).path).status == .seeOther)
            let deleted = try #require(try await BoardPost.find(id, on: app.db))
            #expect(deleted.deletedAt != nil && deleted.body.isEmpty && deleted.title.isEmpty)
            let page = try await colleague.get(Self.board(fixture)).text
            #expect(page.contains("Dieser Beitrag wurde von der Verfasser*in gelöscht."))
            #expect(page.contains("Pool, mit Schulung."), "the answers below still read")
            #expect(!page.contains("Erfahrungen?"))
            #expect(try await participant.get(edit).status == .conflict, "a deleted post is not edited")
        }
    }

    @Test("the lead hides a post with a recorded reason: others see a marker, the author the reason, the audit log keeps it")
    func hiding() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(Self.board(fixture))
            try await participant.post(Self.board(fixture), [("titel", "Beschwerde"), ("text", "Herr X aus Y ist unfähig.")])
            let post = try #require(try await BoardPost.query(on: app.db).first())
            let hide = SiteURL.boardHide(.value(fixture.editionID), .value(try post.requireID())).path
            #expect(try await participant.post(hide, [("grund", "selbst")]).status == .forbidden)

            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(Self.board(fixture))
            let noReason = try await lead.post(hide, [("grund", "")])
            #expect(noReason.status == .unprocessableEntity && noReason.text.contains("Bitte einen Grund angeben."))
            #expect(try await BoardPost.find(post.requireID(), on: app.db)?.hiddenAt == nil)
            #expect(try await lead.post(hide, [("grund", "Persönlicher Angriff auf einen Kollegen")]).status == .seeOther)
            #expect(
                try await AuditEntry.query(on: app.db).filter(
                    \.$object == "Beitrag im Forum „Prototyp-Durchlauf 2022/23“ ausgeblendet: Persönlicher Angriff auf einen Kollegen"
                ).count() == 1)

            var colleague = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            let seen = try await colleague.get(Self.board(fixture)).text
            #expect(seen.contains("Von der Programmleitung ausgeblendet."))
            #expect(!seen.contains("unfähig") && !seen.contains("Persönlicher Angriff"))
            let own = try await participant.get(Self.board(fixture)).text
            #expect(own.contains("Grund: Persönlicher Angriff auf einen Kollegen"))
            let answer = try await colleague.post(SiteURL.boardReply(.value(fixture.editionID), .value(try post.requireID())).path, [("text", "Dazu…")])
            #expect(answer.status == .conflict)
        }
    }

    @Test("only the edition's people read its board: another edition's participant, a facilitator who does not teach there, a partner are refused")
    func audience() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let otherEdition = Edition(programmeID: fixture.programmeID, title: "Anderer Durchlauf", summary: "")
            try await otherEdition.create(on: app.db)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(Self.board(fixture)).status == .ok)
            #expect(try await participant.get(SiteURL.board(.value(try otherEdition.requireID())).path).status == .forbidden)
            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            #expect(try await partner.get(Self.board(fixture)).status == .forbidden)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            #expect(try await lead.get(SiteURL.board(.value(UUID())).path).status == .notFound)
        }
    }

    @Test("an erased author's posts stay under „gelöschtes Konto“")
    func erasedAuthor() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            try await participant.get(Self.board(fixture))
            try await participant.post(Self.board(fixture), [("titel", "Frage zum Haushalt"), ("text", "Wer hat Erfahrung?")])
            var admin = Browser(app)
            try await admin.login(try #require(fixture.accounts[.admin]))
            try await admin.get(AdminURL.accountErasure(.value(fixture.participantID)).path)
            #expect(try await admin.post(AdminURL.accountErasure(.value(fixture.participantID)).path, [("confirm", "yes")]).status == .seeOther)
            var colleague = try await Browser.signedIn(app, as: "m.yilmaz@demo.cohesion.example")
            let page = try await colleague.get(Self.board(fixture)).text
            #expect(page.contains("Frage zum Haushalt"))
            #expect(page.contains("gelöschtes Konto"))
            #expect(!page.contains("Anna Becker"))
        }
    }
}
