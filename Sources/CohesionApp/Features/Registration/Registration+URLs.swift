import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Registration.
extension SiteURL {
    static func registration(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component(.part), "anmeldung"]) }
    static func cancellation(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component(.part), "abmeldung"]) }
}

/// The lead's pages of Registration.
extension AdminURL {
    static func registrations(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teile", id.component(.part), "anmeldungen"]) }
    static func cancelRegistration(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "anmeldungen", id.component(.registration), "abmelden"]) }
}

/// A registration's id, a type of its own; routes name it `:registration`.
typealias RegistrationID = Tagged<Registration, UUID>

extension RouteParameter<RegistrationID> {
    static var registration: Self { .id("registration") }
}
