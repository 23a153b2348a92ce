import CohesionPlatform
import Foundation
import Tagged

/// The addresses of the topic teams.
extension SiteURL {
    static var topicTeams: SiteURL { SiteURL(["austausch", "teams"]) }
    static func topicTeam(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team)]) }
    static func topicTeamJoin(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "beitreten"]) }
    static func topicTeamLeave(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "verlassen"]) }
    static func topicTeamPosts(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "beitraege"]) }
    static func topicTeamResult(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "ergebnis"]) }
    static func topicTeamVersions(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "fassungen"]) }
    static func topicTeamDocuments(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "dokumente"]) }
    static func topicTeamDocument(_ team: Param<UUID>, _ document: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "teams", team.component(.team), "dokumente", document.component(.document)])
    }
    static func topicTeamDocumentDelete(_ team: Param<UUID>, _ document: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "teams", team.component(.team), "dokumente", document.component(.document), "loeschen"])
    }
    static func topicTeamFinish(_ team: Param<UUID>) -> SiteURL { SiteURL(["austausch", "teams", team.component(.team), "abschliessen"]) }
}

/// A team's id, a type of its own; routes name it `:team`.
typealias TopicTeamID = Tagged<TopicTeam, UUID>

extension RouteParameter<TopicTeamID> {
    static var team: Self { .id("team") }
}

/// A team document's id; routes name it `:document`.
typealias TopicTeamDocumentID = Tagged<TopicTeamDocument, UUID>

extension RouteParameter<TopicTeamDocumentID> {
    static var document: Self { .id("document") }
}
