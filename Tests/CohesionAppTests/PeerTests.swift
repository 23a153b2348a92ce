import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Finding colleagues")
struct PeerTests {
    @Test("listed participants get colleagues with reasons, write to them through the outbox without seeing an address, and can leave at once")
    func directory() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoRegularRunTests.importOfficersRegions(on: app.db)
            try await DemoData.seedEvaluation(on: app.db)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = try await participant.get(SiteURL.peers.path).text
            #expect(page.contains("Sie stehen im Verzeichnis."))
            #expect(page.contains("Vorschläge für Sie"))
            #expect(page.contains("Hat eine Verbindung, die Ihnen fehlt:"))
            #expect(page.contains("Ebenfalls in einer Kommune der Art „Große Kreisstadt“."))
            #expect(!page.contains("@demo.cohesion.example"), "no address is shown")

            // The first suggestion gets a message; it goes out by mail with the sender's address to reply to.
            let directory = try await PeerDirectory.load(cache: nil, on: try #require(app.db as? any SQLDatabase))
            let first = try #require(directory.suggestions(for: fixture.participantID).first?.person)
            #expect(page.contains(SiteURL.peerMessage(.value(first.userID)).path))
            try await participant.get(SiteURL.peerMessage(.value(first.userID)).path)
            let empty = try await participant.post(SiteURL.peerMessage(.value(first.userID)).path, [("message", " ")])
            #expect(empty.status == .unprocessableEntity && empty.text.contains("Bitte eine Nachricht angeben."))
            let sent = try await participant.post(
                SiteURL.peerMessage(.value(first.userID)).path,
                [("message", "Wie arbeiten Sie mit dem Jobcenter zusammen?")])
            #expect(sent.location == Notice.sent.appended(to: SiteURL.peers.path))
            let peer = try #require(try await User.find(first.userID, on: app.db))
            let mail = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == peer.email).first())
            #expect(mail.subject == "Cohesion: Nachricht von Anna Becker")
            #expect(mail.body.contains("Wie arbeiten Sie mit dem Jobcenter zusammen?") && mail.body.contains("a.becker@demo.cohesion.example"))

            // The colleague leaves the directory: gone from the suggestions, and no longer reachable.
            try await PeerDirectoryEntry.query(on: app.db).filter(\.$user.$id == first.userID).delete()
            let after = try await participant.get(SiteURL.peers.path).text
            #expect(!after.contains(SiteURL.peerMessage(.value(first.userID)).path))
            #expect(try await participant.get(SiteURL.peerMessage(.value(first.userID)).path).status == .forbidden)

            // Leaving oneself hides the suggestions too.
            _ = try await participant.post(SiteURL.peerDirectory.path, [("aufnehmen", "nein")])
            let out = try await participant.get(SiteURL.peers.path).text
            #expect(out.contains("Sie stehen nicht im Verzeichnis.") && !out.contains("Vorschläge für Sie"))
        }
    }
}
