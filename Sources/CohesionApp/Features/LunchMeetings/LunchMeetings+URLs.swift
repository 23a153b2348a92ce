import CohesionPlatform
import Foundation
import Tagged

/// The addresses of the lunch meetings.
extension SiteURL {
    static var lunchSeries: SiteURL { SiteURL(["austausch", "mittagsrunden"]) }
    static func lunchRegistration(_ series: Param<UUID>) -> SiteURL { SiteURL(["austausch", "mittagsrunden", series.component(.series), "anmeldung"]) }
    static func lunchNewMeeting(_ series: Param<UUID>) -> SiteURL { SiteURL(["austausch", "mittagsrunden", series.component(.series), "termine"]) }
    static func lunchMeeting(_ meeting: Param<UUID>) -> SiteURL { SiteURL(["austausch", "mittagsrunden", "termine", meeting.component(.meeting)]) }
    static func lunchItems(_ meeting: Param<UUID>) -> SiteURL { SiteURL(["austausch", "mittagsrunden", "termine", meeting.component(.meeting), "themen"]) }
    static func lunchVote(_ meeting: Param<UUID>, _ item: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "mittagsrunden", "termine", meeting.component(.meeting), "themen", item.component(.item), "stimme"])
    }
    static func lunchAnswered(_ meeting: Param<UUID>, _ item: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "mittagsrunden", "termine", meeting.component(.meeting), "themen", item.component(.item), "beantwortet"])
    }
    static func lunchNotes(_ meeting: Param<UUID>) -> SiteURL { SiteURL(["austausch", "mittagsrunden", "termine", meeting.component(.meeting), "notizen"]) }
}

typealias LunchSeriesID = Tagged<LunchSeries, UUID>
typealias LunchMeetingID = Tagged<LunchMeeting, UUID>
typealias LunchItemID = Tagged<LunchItem, UUID>

extension RouteParameter<LunchSeriesID> {
    static var series: Self { .id("series") }
}

extension RouteParameter<LunchMeetingID> {
    static var meeting: Self { .id("meeting") }
}

extension RouteParameter<LunchItemID> {
    static var item: Self { .id("item") }
}
