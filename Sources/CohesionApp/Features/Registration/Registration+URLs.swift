import CohesionPlatform
import Foundation

/// The addresses of Registration.
extension SiteURL {
    static func registration(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component("partID"), "anmeldung"]) }
    static func cancellation(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component("partID"), "abmeldung"]) }
}

/// The lead's pages of Registration.
extension AdminURL {
    static func registrations(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teile", id.component("id"), "anmeldungen"]) }
    static func cancelRegistration(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "anmeldungen", id.component("id"), "abmelden"]) }
}
