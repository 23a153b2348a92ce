import CohesionCore
import CohesionPlatform
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// The reports of an edition belong to those who teach in it, and to the partners of its programme.
@Suite("Reports stay within the edition")
struct EditionScopeTests {
    @Test("a facilitator of one edition reads its reports and gets 403 on another edition's; a partner likewise by programme")
    func facilitatorAndPartnerScope() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            let own = objects.fixture.editionID
            let other = objects.otherEditionID
            var facilitator = Browser(app)
            try await facilitator.login(try #require(objects.fixture.accounts[.facilitator]))
            for page in [SiteURL.needs, SiteURL.change, SiteURL.feedbackOverview] {
                #expect(try await facilitator.get(page(.value(own)).path).status == .ok)
                let refused = try await facilitator.get(page(.value(other)).path)
                #expect(refused.status == .forbidden)
                #expect(refused.text.contains("<h1>Kein Zugriff</h1>"))
            }

            var partner = Browser(app)
            try await partner.login(try #require(objects.fixture.accounts[.partner]))
            #expect(try await partner.get(SiteURL.partnerReport(.value(own)).path).status == .ok)
            #expect(try await partner.get(SiteURL.partnerReport(.value(other)).path).status == .forbidden)
            let list = try await partner.get(SiteURL.reports.path).text
            #expect(list.contains("Prototyp-Durchlauf 2022/23"))
            #expect(!list.contains("Fremder Durchlauf"), "the list shows only the programmes the partner is assigned to")
        }
    }
}
