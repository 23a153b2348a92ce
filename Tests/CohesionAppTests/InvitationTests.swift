import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Invitations to an edition")
struct InvitationTests {
    static func link(in mail: OutboxMessage) throws -> String {
        let line = try #require(mail.body.split(separator: "\n").first { $0.hasPrefix("http") })
        return String(line.dropFirst("http://127.0.0.1:8080".count))
    }

    @Test("invite one person, who accepts: password set, logged in, profile prefilled, member of the edition; the link works once")
    func inviteAndAccept() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            let invited = try await lead.post(page, [("name", "Nora Neu"), ("email", "Nora.Neu@Kommune.de"), ("ags", "08335043")])
            #expect(invited.location == page + "?hinweis=eingeladen")
            #expect(try await lead.get(page).text.contains("<td>nora.neu@kommune.de</td><td>Konstanz, Universitätsstadt</td><td>eingeladen</td>"))
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "nora.neu@kommune.de").first())
            #expect(mail.subject == "Einladung: Prototyp-Durchlauf 2022/23")
            let path = try Self.link(in: mail)

            var invitee = Browser(app)
            #expect(try await invitee.get(path).text.contains("Willkommen, Nora Neu"))
            let short = try await invitee.post(path, [("password", "kurz"), ("confirmation", "kurz")])
            #expect(short.status == .unprocessableEntity)
            let accepted = try await invitee.post(path, [("password", "ein-gutes-passwort"), ("confirmation", "ein-gutes-passwort")])
            #expect(accepted.location == "/profil?hinweis=willkommen")
            let profile = try await invitee.get("/profil").text
            #expect(
                profile.contains("value=\"Konstanz, Universitätsstadt (Landkreis Konstanz, Baden-Württemberg)\""),
                "the municipality as people know it, not its key")
            let user = try #require(try await User.query(on: app.db).filter(\.$email == "nora.neu@kommune.de").first())
            #expect(try await EditionMember.query(on: app.db).filter(\.$user.$id == user.requireID()).count() == 1)
            #expect(try await Browser(app).getStatus(path) == .gone)
            #expect(try await lead.get(page).text.contains("<td>angenommen</td>"))
        }
    }

    @Test("an invitation expires after 14 days and can be sent again with a new link")
    func expiryAndResend() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            try await Invitations.invite(
                name: "Otto Alt", email: "otto@kommune.de", ags: "", editionID: fixture.editionID,
                services: app.cohesion, on: app.db)
            let first = try Self.link(in: try #require(try await OutboxMessage.query(on: app.db).first()))
            clock.advance(by: 14 * 24 * 3600 + 1)
            #expect(try await Browser(app).getStatus(first) == .gone)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            #expect(try await lead.get(page).text.contains("<td>abgelaufen</td>"))
            let invitation = try #require(try await Invitation.query(on: app.db).first())
            #expect(try await lead.post(AdminURL.resendInvitation(.value(try invitation.requireID())).path).status == .seeOther)
            #expect(try await lead.get(page).text.contains("eingeladen (2× gesendet)"))
            let mails = try await OutboxMessage.query(on: app.db).sort(\.$createdAt).all()
            let second = try Self.link(in: try #require(mails.last))
            #expect(second != first)
            #expect(try await Browser(app).getStatus(second) == .ok)
        }
    }

    @Test("a CSV list invites its valid rows and names every refused row with its line, once: a reload sends nothing again")
    func csvUpload() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            let csv =
                "Name;E-Mail;AGS\nPia Prüfer;pia@kommune.de;08335043\nFalsche Mail;pia-at-kommune;\n"
                + "Unbekannt;u@kommune.de;08111000\nLeitung;leitung@demo.cohesion.example;\nQuirin Quer;quirin@kommune.de;\n"
            let upload = try await MaterialTests.upload(
                &lead, app: app, path: AdminURL.invitationUpload(.value(fixture.editionID)).path,
                fileName: "einladungen.csv", contentType: "text/csv", bytes: Array(csv.utf8))
            #expect(upload.status == .seeOther, "post/redirect/get")
            #expect(upload.location == page)
            let result = try await lead.get(page)
            #expect(result.status == .ok)
            #expect(result.text.contains("2 Einladungen verschickt."))
            #expect(result.text.contains("Zeile 3: „pia-at-kommune“ ist keine gültige E-Mail-Adresse"))
            #expect(result.text.contains("Zeile 4: den Gemeindeschlüssel 08111000 gibt es im Gemeindeverzeichnis nicht"))
            #expect(result.text.contains("Zeile 5: leitung@demo.cohesion.example gehört zu einem Konto mit der Rolle Programmleitung"))
            #expect(try await Invitation.query(on: app.db).count() == 2)
            let reloaded = try await lead.get(page)
            #expect(!reloaded.text.contains("Einladungen verschickt."), "the result shows once; a reload is a plain GET")
            #expect(try await Invitation.query(on: app.db).count() == 2)
            #expect(try await User.query(on: app.db).filter(\.$email == "u@kommune.de").count() == 0, "a refused row leaves nothing behind")
        }
    }
}

extension InvitationTests {
    @Test("a list saved by German Excel (Windows-1252) is read with its umlauts")
    func windows1252Upload() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            // "Name;E-Mail;AGS\r\nJürgen Weiß;j.weiss@kommune.de;\r\n" in Windows-1252: ü = 0xFC, ß = 0xDF.
            let bytes: [UInt8] = Array("Name;E-Mail;AGS\r\nJ".utf8) + [0xFC] + Array("rgen Wei".utf8) + [0xDF] + Array(";j.weiss@kommune.de;\r\n".utf8)
            let upload = try await MaterialTests.upload(
                &lead, app: app, path: AdminURL.invitationUpload(.value(fixture.editionID)).path,
                fileName: "einladungen.csv", contentType: "text/csv", bytes: bytes)
            #expect(upload.status == .seeOther)
            #expect(try await lead.get(page).text.contains("1 Einladung verschickt."))
            #expect(try await User.query(on: app.db).filter(\.$email == "j.weiss@kommune.de").first()?.name == "Jürgen Weiß")
        }
    }
}

extension Browser {
    /// The status of a GET, for checks that need nothing else of the answer.
    func getStatus(_ path: String) async throws -> HTTPStatus {
        var copy = self
        return try await copy.get(path).status
    }
}
