import CohesionPlatform
import Foundation
import Testing
import Vapor

@testable import CohesionApp

/// The one policy for a person's own objects (`AccessRule.ownObject`): one that does not exist is
/// 404, someone else's is 403, the owner's opens; the same on every route that has such objects.
@Suite("Own objects: one policy")
struct OwnObjectTests {
    @Test("a practice project, an actor, a tie, a certificate and an API token that do not exist are 404; someone else's are 403")
    func missingIsNotFoundForeignIsForbidden() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            var participant = Browser(app)
            try await participant.login(try #require(objects.fixture.accounts[.participant]))
            let nobody = UUID()
            let routes: [(name: String, method: HTTPMethod, own: String, foreign: String, missing: String)] = [
                (
                    "Praxisprojekt", .GET, SiteURL.project(.value(objects.ownProjectID)).path, SiteURL.project(.value(objects.otherProjectID)).path,
                    SiteURL.project(.value(nobody)).path
                ),
                (
                    "Akteur*in", .GET, SiteURL.actor(.value(objects.ownActorID)).path, SiteURL.actor(.value(objects.otherActorID)).path,
                    SiteURL.actor(.value(nobody)).path
                ),
                (
                    "Verbindung", .POST, SiteURL.deleteTie(.value(objects.ownTieID)).path, SiteURL.deleteTie(.value(objects.otherTieID)).path,
                    SiteURL.deleteTie(.value(nobody)).path
                ),
                (
                    "Bescheinigung", .GET, SiteURL.certificatePDF(.value(objects.ownCertificateID)).path,
                    SiteURL.certificatePDF(.value(objects.otherCertificateID)).path, SiteURL.certificatePDF(.value(nobody)).path
                ),
                (
                    "API-Token", .POST, SiteURL.revokeAPIToken(.value(objects.ownTokenID)).path,
                    SiteURL.revokeAPIToken(.value(objects.otherTokenID)).path, SiteURL.revokeAPIToken(.value(nobody)).path
                ),
            ]
            for route in routes {
                let missing = route.method == .GET ? try await participant.get(route.missing) : try await participant.post(route.missing)
                #expect(missing.status == .notFound, "\(route.name): \(missing.status)")
                let foreign = route.method == .GET ? try await participant.get(route.foreign) : try await participant.post(route.foreign)
                #expect(foreign.status == .forbidden, "\(route.name): \(foreign.status)")
                #expect(foreign.text.contains("Kein Zugriff"), "\(route.name): the German 403 page")
            }
            // The lead may open every certificate; one that does not exist is 404 for the lead too.
            var lead = Browser(app)
            try await lead.login(try #require(objects.fixture.accounts[.lead]))
            #expect(try await lead.get(SiteURL.certificatePDF(.value(nobody)).path).status == .notFound)
        }
    }
}
