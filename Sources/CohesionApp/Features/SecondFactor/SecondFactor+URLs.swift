import CohesionPlatform
import Foundation

/// The addresses of SecondFactor: the code step of signing in, setting up and switching off the
/// authenticator app on Mein Konto, and the admin's reset for a lost phone.
extension SiteURL {
    static var loginCode: SiteURL { SiteURL(["anmelden", "code"]) }
    static var secondFactor: SiteURL { SiteURL(["konto", "zweiter-faktor"]) }
    static var confirmSecondFactor: SiteURL { SiteURL(["konto", "zweiter-faktor", "bestaetigen"]) }
    static var disableSecondFactor: SiteURL { SiteURL(["konto", "zweiter-faktor", "aus"]) }
}

extension AdminURL {
    static func resetSecondFactor(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "konten", id.component(.person), "zweiter-faktor"]) }
}
