import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// The practice portal: finished team results and, with consent, completed practice projects,
/// searchable in German on both databases (`PortalSearch`, `PortalIndex`).
enum PortalFeature: Feature {
    static let audit = AuditAction("portal", "Praxisportal")
    static let auditAreas = [audit]
    static let notices = [Notice.portalPublished, .portalPublic, .portalAccountsOnly, .portalWithdrawn]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .administration where user.role.canEditStructure: [PageLink(order: 86, label: "Praxisportal", path: SiteURL.portal.path)]
        default: []
        }
    }

    static var footerLinks: [PageLink] { [PageLink(order: 20, label: "Praxisportal", path: SiteURL.portal.path)] }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let portal = PortalController()
        let publishing = PortalPublishController()
        routes.get(SiteURL.portal, PortalAudience.readers, use: portal.search)
        routes.get(SiteURL.portalFeed, PortalAudience.readers, use: portal.feed)
        routes.get(SiteURL.portalArticle(.key), PortalAudience.readers, use: portal.article)
        routes.post(SiteURL.portalConsent(.key), PortalAudience.author, use: portal.consent)
        routes.post(SiteURL.portalWithdraw(.key), PortalAudience.authorOrLead, use: portal.withdraw)
        routes.get(SiteURL.portalFromTeam(.key), PortalAudience.teamMember, use: publishing.teamForm)
        routes.post(SiteURL.portalFromTeam(.key), PortalAudience.teamMember, use: publishing.publishTeam)
        routes.get(SiteURL.portalFromProject(.key), PortalAudience.ownProject, use: publishing.projectForm)
        routes.post(SiteURL.portalFromProject(.key), PortalAudience.ownProject, use: publishing.publishProject)
    }

    /// The index and its vocabulary are derived from the articles: never in a backup or export,
    /// rebuilt together after a restore.
    static var dumpTreatment: [DumpTreatment] {
        [.rebuilt(PortalIndex.table, PortalIndex.vocabularyTable) { sql in try await PortalIndex.rebuild(on: sql) }]
    }

    static let stylesheet = """
        .portal-hits { list-style: none; padding: 0; margin: 0; display: grid; gap: 1rem; }
        .portal-hits h3 { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
        .portal-snippet { margin: 0.5rem 0 0; overflow-wrap: anywhere; }
        .portal-snippet mark { background: #fff0a8; color: inherit; padding: 0 0.1em; }
        .tags { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
        .tags li { border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.75rem; font-size: 0.95rem; }
        """

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "portal_articles", data: "Beiträge im Praxisportal (Titel, Zusammenfassung, Text), wer veröffentlicht hat",
            purpose: "Ergebnisse und Erfahrungen für andere Integrationsbeauftragte auffindbar machen",
            kept: "bis eine Autor*in oder die Programmleitung den Beitrag zurückzieht; nach dem Löschen des Kontos bleibt er unter „gelöschtes Konto“",
            links: [.account("published_by", .keep(clearing: []))]),
        PersonalData(
            table: "portal_article_authors", data: "Autorschaft eines Beitrags und die Zustimmung, ihn öffentlich zu zeigen",
            purpose: "Namensnennung; öffentlich nur mit Zustimmung aller Autor*innen",
            kept: "solange der Beitrag besteht; nach dem Löschen des Kontos steht dort „gelöschtes Konto“",
            links: [.account("user_id", .keep(clearing: []))]),
    ]
}
