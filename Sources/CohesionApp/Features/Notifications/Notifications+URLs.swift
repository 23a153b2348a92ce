import CohesionPlatform
import Foundation

/// The address of a person's choice of mails.
extension SiteURL {
    static var notificationChoices: SiteURL { SiteURL(["austausch", "benachrichtigungen"]) }
}
