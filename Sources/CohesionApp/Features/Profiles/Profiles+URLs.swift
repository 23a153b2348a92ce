import CohesionPlatform
import Foundation

/// The addresses of Profiles.
extension SiteURL {
    static var profile: SiteURL { SiteURL(["profil"]) }
}

/// The lead's pages of Profiles.
extension AdminURL {
    static var participants: AdminURL { AdminURL(["verwaltung", "teilnehmende"]) }
    static var participantExport: AdminURL { AdminURL(["verwaltung", "teilnehmende.csv"]) }
    static func profile(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teilnehmende", id.component(.person), "profil"]) }
}
