import CohesionPlatform
import Foundation

/// The addresses of Calendar.
extension SiteURL {
    static func partCalendar(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component(.part), "zeitplan.ics"]) }
    static func personalCalendar(_ token: Param<String>) -> SiteURL { SiteURL(["kalender", token.component("file")]) }
    static var renewCalendar: SiteURL { SiteURL(["kalender", "erneuern"]) }
}
