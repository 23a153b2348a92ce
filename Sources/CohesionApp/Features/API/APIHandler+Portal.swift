import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// The practice portal and a team's result, through the same search and reads as the pages
/// (`PortalSearch`, `PortalArticlePage`, `TopicTeamVersions`).
extension APIHandler {
    func searchPortalArticles(_ input: Operations.SearchPortalArticles.Input) async throws -> Operations.SearchPortalArticles.Output {
        let req = try request
        var filters: [PortalTagKind: String] = [:]
        filters[.area] = input.query.bereich
        filters[.municipalityKind] = input.query.art?.rawValue
        filters[.size] = input.query.groesse?.rawValue
        filters[.field] = input.query.feld?.rawValue
        // Every account reads every article; the token stands for an account.
        let search = PortalSearch(text: String((input.query.q ?? "").prefix(300)), filters: filters, page: input.query.page ?? 1, publicOnly: false)
        let result = try await search.run(on: req.sql)
        let snippets = SearchSnippet.make(result.hits.map { $0.summary + " " + PostText.plain($0.body) }, stems: result.terms.stems)
        let hits = zip(result.hits, snippets).map { hit, pieces in
            var matches: [String] = []
            for piece in pieces where piece.isMatch && !matches.contains(piece.text) { matches.append(piece.text) }
            return Components.Schemas.PortalHit(
                id: hit.id.uuidString, title: hit.title, summary: hit.summary, source: .init(rawValue: hit.source.rawValue) ?? .team,
                publishedAt: hit.publishedAt, snippet: pieces.map(\.text).joined(), matches: matches)
        }
        return .ok(.init(body: .json(.init(total: result.total, page: search.page, pageSize: PortalSearch.pageSize, articles: hits))))
    }

    func getPortalArticle(_ input: Operations.GetPortalArticle.Input) async throws -> Operations.GetPortalArticle.Output {
        let req = try request
        let user = try caller().user
        guard let model = try await PortalArticlePage.query(try id(input.path.article), viewer: user, on: req.sql) else { throw AppError.notFound }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: model.id.uuidString, title: model.title, summary: model.summary, body: model.body,
                        source: .init(rawValue: model.source.rawValue) ?? .team, teamID: model.teamID?.uuidString, publishedAt: model.publishedAt,
                        authors: model.authors.map(\.name),
                        tags: model.tags.map { .init(kind: .init(rawValue: $0.kind.rawValue) ?? .bereich, value: $0.value, label: $0.label) },
                        _public: model.isPublic))))
    }

    func getTeamResult(_ input: Operations.GetTeamResult.Input) async throws -> Operations.GetTeamResult.Output {
        let req = try request
        let teamID = try id(input.path.team)
        guard let team = try await TopicTeam.find(teamID, on: req.db) else { throw AppError.notFound }
        let versions = try await TopicTeamVersions.all(of: teamID, on: req.sql)
        return .ok(
            .init(
                body: .json(
                    .init(
                        teamID: teamID.uuidString, question: team.question, finished: team.finishedAt != nil,
                        current: versions.first.map { Self.version($0, withText: true) }, versions: versions.map { Self.version($0, withText: false) }))
            ))
    }

    func getTeamResultVersion(_ input: Operations.GetTeamResultVersion.Input) async throws -> Operations.GetTeamResultVersion.Output {
        let req = try request
        guard let version = try await TopicTeamVersions.numbered(input.path.number, of: try id(input.path.team), on: req.sql) else {
            throw AppError(.notFound, "Diese Fassung gibt es in diesem Team nicht.")
        }
        return .ok(.init(body: .json(Self.version(version, withText: true))))
    }

    private static func version(_ version: TopicTeamPage.Version, withText: Bool) -> Components.Schemas.TeamVersion {
        .init(number: version.number, author: version.author, createdAt: version.createdAt, note: version.note, text: withText ? version.text : nil)
    }
}
