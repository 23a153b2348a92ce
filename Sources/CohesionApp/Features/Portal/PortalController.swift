import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Searching and reading the portal, and the Atom feed of its public articles.
struct PortalController {
    func search(req: Request) async throws -> Response {
        var search = PortalSearch()
        search.text = String(((try? req.query.get(String.self, at: "q")) ?? "").prefix(300))
        for kind in PortalTagKind.allCases {
            if let value = try? req.query.get(String.self, at: PortalTags.field(kind)), !value.isEmpty { search.filters[kind] = value }
        }
        search.page = min(max((try? req.query.get(String.self, at: "seite")).flatMap { Int($0) } ?? 1, 1), 10_000)
        search.publicOnly = req.user == nil
        let result = try await search.run(on: req.sql)
        let tags = try await PortalTags.load(on: req.sql)
        return .html(PortalView.search(search, result: result, tags: tags, frame: req.frame("Praxisportal", section: .exchange)))
    }

    func article(req: Request) async throws -> Response {
        let articleID = try req.parameters.require(.article).rawValue
        // Not found for a visitor without an account unless public, so its existence is not revealed.
        guard let model = try await PortalArticlePage.query(articleID, viewer: req.user, on: req.sql), req.user != nil || model.isPublic
        else { throw AppError.notFound }
        return .html(PortalView.article(model, frame: req.frame(model.title, section: .exchange)))
    }

    /// An author agrees to show the article publicly, or takes that back.
    func consent(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let articleID = try req.parameters.require(.article).rawValue
        let agrees = req.formValues()["oeffentlich"] == "ja"
        try await PortalArticleAuthor.query(on: req.db).filter(\.$article.$id == articleID).filter(\.$user.$id == user.id)
            .set(\.$publicConsent, to: agrees).update()
        return req.redirect(to: (agrees ? Notice.portalPublic : Notice.portalAccountsOnly).appended(to: SiteURL.portalArticle(.value(articleID)).path))
    }

    func withdraw(req: Request) async throws -> Response {
        let articleID = try req.parameters.require(.article).rawValue
        guard let article = try await PortalArticle.find(articleID, on: req.db) else { throw AppError.notFound }
        try await Audit.recording(PortalFeature.audit, "Beitrag aus dem Praxisportal zurückgezogen: \(article.title)", objectID: articleID, by: req) { db in
            try await PortalPublishing.withdraw(articleID, on: db)
        }
        return req.redirect(to: Notice.portalWithdrawn.appended(to: SiteURL.portal.path))
    }

    /// The newest 30 public articles as Atom (RFC 4287).
    func feed(req: Request) async throws -> Response {
        var search = PortalSearch()
        search.publicOnly = true
        let result = try await search.run(on: req.sql)
        let base = req.cohesion.config.absoluteURL("")
        let xml = PortalFeed.atom(result.hits, base: base, updated: result.hits.first?.publishedAt ?? Date(timeIntervalSince1970: 0))
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "application", subType: "atom+xml", parameters: ["charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: xml))
    }
}

extension Notice {
    static let portalPublished = Notice("portal-veroeffentlicht", "Der Beitrag steht im Praxisportal.")
    static let portalPublic = Notice(
        "portal-oeffentlich", "Sie sind einverstanden, dass der Beitrag öffentlich erscheint. Er ist öffentlich, sobald alle Autor*innen zugestimmt haben.")
    static let portalAccountsOnly = Notice("portal-nur-konten", "Der Beitrag ist nur für Angemeldete sichtbar.")
    static let portalWithdrawn = Notice("portal-zurueckgezogen", "Der Beitrag ist aus dem Praxisportal zurückgezogen.")
}
