import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// An article as its page shows it.
struct PortalArticlePage: Sendable {
    struct Author: Sendable { let userID: UUID; let name: String; let publicConsent: Bool }

    let id: UUID
    let title: String
    let summary: String
    let body: String
    let source: PortalSource
    let teamID: UUID?
    let teamQuestion: String?
    let publishedAt: Date
    let authors: [Author]
    let tags: [(kind: PortalTagKind, value: String, label: String)]
    let viewerID: UUID?
    let viewerIsLead: Bool

    var isPublic: Bool { !authors.isEmpty && authors.allSatisfy(\.publicConsent) }
    var viewerAuthor: Author? { authors.first { $0.userID == viewerID } }

    private struct Row: Decodable {
        let title: String; let summary: String; let body: String; let source: PortalSource; let teamId: UUID?; let question: String?
        let publishedAt: Date
    }
    private struct AuthorRow: Decodable { let userId: UUID; let name: String; let erasedAt: Date?; let publicConsent: Bool }
    private struct TagRow: Decodable { let kind: PortalTagKind; let value: String }

    static func query(_ articleID: UUID, viewer: CurrentUser?, on db: any SQLDatabase) async throws -> PortalArticlePage? {
        guard
            let row = try await db.raw(
                """
                SELECT a.title, a.summary, a.body, a.source, a.team_id, t.question, a.published_at
                FROM portal_articles a LEFT JOIN topic_teams t ON t.id = a.team_id WHERE a.id = \(bind: articleID)
                """
            ).first(decoding: Row.self, with: .snakeCaseColumns)
        else { return nil }
        let authors = try await db.raw(
            """
            SELECT w.user_id, u.name, u.erased_at, w.public_consent FROM portal_article_authors w JOIN users u ON u.id = w.user_id
            WHERE w.article_id = \(bind: articleID) ORDER BY u.name
            """
        ).all(decoding: AuthorRow.self, with: .snakeCaseColumns).map {
            Author(userID: $0.userId, name: $0.erasedAt == nil ? $0.name : "gelöschtes Konto", publicConsent: $0.publicConsent)
        }
        let tags = try await PortalTags.load(on: db)
        let tagRows = try await db.raw("SELECT kind, value FROM portal_article_tags WHERE article_id = \(bind: articleID) ORDER BY kind, value")
            .all(decoding: TagRow.self)
        return PortalArticlePage(
            id: articleID, title: row.title, summary: row.summary, body: row.body, source: row.source, teamID: row.teamId, teamQuestion: row.question,
            publishedAt: row.publishedAt, authors: authors,
            tags: tagRows.compactMap { tag in tags.label(tag.kind, tag.value).map { (tag.kind, tag.value, $0) } },
            viewerID: viewer?.id, viewerIsLead: viewer?.role.canEditStructure ?? false)
    }
}

/// The Atom feed (RFC 4287) of the newest public articles. Written out here: it is a dozen
/// elements, and every text in it is escaped by `escape`.
enum PortalFeed {
    static func atom(_ hits: [PortalSearch.Hit], base: String, updated: Date) -> String {
        let stamp = { (date: Date) in date.formatted(.iso8601) }
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
            <title>Cohesion – Praxisportal</title>
            <subtitle>Neue öffentliche Beiträge aus Thementeams und Praxisprojekten</subtitle>
            <id>\(escape(base + SiteURL.portal.path))</id>
            <link rel="self" type="application/atom+xml" href="\(escape(base + SiteURL.portalFeed.path))"/>
            <link rel="alternate" type="text/html" href="\(escape(base + SiteURL.portal.path))"/>
            <updated>\(stamp(updated))</updated>
            <author><name>Fortbildungsprogramm für Integrationsbeauftragte</name></author>

            """
        for hit in hits {
            let link = base + SiteURL.portalArticle(.value(hit.id)).path
            xml += """
                <entry>
                <title>\(escape(hit.title))</title>
                <id>urn:uuid:\(hit.id.uuidString.lowercased())</id>
                <link rel="alternate" type="text/html" href="\(escape(link))"/>
                <published>\(stamp(hit.publishedAt))</published>
                <updated>\(stamp(hit.publishedAt))</updated>
                <summary>\(escape(hit.summary))</summary>
                <category term="\(escape(hit.source.rawValue))" label="\(escape(hit.source.label))"/>
                </entry>

                """
        }
        return xml + "</feed>\n"
    }

    /// XML's five special characters, and the control characters XML 1.0 forbids, dropped.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
