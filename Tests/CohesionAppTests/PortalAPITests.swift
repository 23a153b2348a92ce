import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("The portal and team results through the API")
struct PortalAPITests {
    @Test("search finds German forms with filters and marks, an article reads whole, a partner reads the portal too")
    func search() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            let housing = try await PortalSearchTests.article(
                app, fixture, title: "Bezahlbarer Wohnraum", body: "Freie Wohnungen der Wohnungsbaugesellschaft.", tags: [(.field, "housing")],
                isPublic: false)
            try await PortalSearchTests.article(app, fixture, title: "Sprachkurse", body: "Kurse am Abend.", tags: [(.field, "language")])
            var partner = Browser(app)
            partner.bearer = try await APITokenTests.token(app, fixture, .partner, now: clock.now)
            let found = try await partner.api(.GET, "/api/v1/portal/articles?q=wohnen&feld=housing")
            #expect(found.status == .ok)
            #expect(found.text.contains("\"total\":1") && found.text.contains("\"title\":\"Bezahlbarer Wohnraum\""))
            #expect(found.text.contains("\"matches\":[\"Wohnungen\",\"Wohnungsbaugesellschaft\"]"), "\(found.text)")
            #expect(try await partner.api(.GET, "/api/v1/portal/articles?q=wohnen&feld=language").text.contains("\"total\":0"))
            #expect(try await partner.api(.GET, "/api/v1/portal/articles?feld=nirgends").status == .badRequest)
            let article = try await partner.api(.GET, "/api/v1/portal/articles/\(housing)")
            #expect(article.status == .ok && article.text.contains("\"public\":false") && article.text.contains("\"label\":\"Wohnen\""))
            #expect(try await partner.api(.GET, "/api/v1/portal/articles/\(UUID())").status == .notFound)
            var anonymous = Browser(app)
            #expect(try await anonymous.api(.GET, "/api/v1/portal/articles").status == .unauthorized)
        }
    }

    @Test("a team's result with its versions, for members only")
    func teamResult() async throws {
        try await withApp { app, clock in
            let fixture = try await Fixture.load(app)
            var (teamID, proposer, _) = try await TopicTeamTests.team(app, fixture)
            let path = SiteURL.topicTeamResult(.value(teamID)).path
            #expect(try await proposer.post(path, [("grundlage", "0"), ("text", "Erste Fassung")]).status == .seeOther)
            try await proposer.get(path)
            #expect(try await proposer.post(path, [("grundlage", "1"), ("text", "Zweite Fassung"), ("notiz", "ergänzt")]).status == .seeOther)
            var member = Browser(app)
            member.bearer = try await APITokenTests.token(app, fixture, .participant, scope: .read, now: clock.now)
            let result = try await member.api(.GET, "/api/v1/teams/\(teamID)/result")
            #expect(result.status == .ok)
            #expect(result.text.contains("\"current\":{") && result.text.contains("\"text\":\"Zweite Fassung\""))
            #expect(!result.text.contains("Erste Fassung"), "the list carries no texts")
            let first = try await member.api(.GET, "/api/v1/teams/\(teamID)/result/versions/1")
            #expect(first.status == .ok && first.text.contains("\"text\":\"Erste Fassung\""))
            #expect(try await member.api(.GET, "/api/v1/teams/\(teamID)/result/versions/9").status == .notFound)
            var stranger = Browser(app)
            stranger.bearer = try await APITokenTests.token(app, fixture, .lead, now: clock.now)
            #expect(try await stranger.api(.GET, "/api/v1/teams/\(teamID)/result").status == .forbidden)
        }
    }
}
