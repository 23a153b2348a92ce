import CohesionPlatform
import Foundation
import Tagged

/// The addresses of the practice portal.
extension SiteURL {
    static var portal: SiteURL { SiteURL(["praxisportal"]) }
    static var portalFeed: SiteURL { SiteURL(["praxisportal", "neu.atom"]) }
    static func portalArticle(_ article: Param<UUID>) -> SiteURL { SiteURL(["praxisportal", "beitraege", article.component(.article)]) }
    static func portalConsent(_ article: Param<UUID>) -> SiteURL { SiteURL(["praxisportal", "beitraege", article.component(.article), "zustimmung"]) }
    static func portalWithdraw(_ article: Param<UUID>) -> SiteURL {
        SiteURL(["praxisportal", "beitraege", article.component(.article), "zurueckziehen"])
    }
    static func portalFromTeam(_ team: Param<UUID>) -> SiteURL { SiteURL(["praxisportal", "aus-team", team.component(.team)]) }
    static func portalFromProject(_ project: Param<UUID>) -> SiteURL { SiteURL(["praxisportal", "aus-praxisprojekt", project.component(.project)]) }
}

/// An article's id, a type of its own; routes name it `:article`.
typealias PortalArticleID = Tagged<PortalArticle, UUID>

extension RouteParameter<PortalArticleID> {
    static var article: Self { .id("article") }
}
