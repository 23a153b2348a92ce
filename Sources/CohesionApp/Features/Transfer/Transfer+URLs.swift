import CohesionPlatform
import Foundation

/// The addresses of the follow-up.
extension SiteURL {
    static func followUp(_ id: Param<UUID>) -> SiteURL { SiteURL(["mein-programm", "nachbefragung", id.component(.edition)]) }
}

extension AdminURL {
    static func followUpPhase(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", AdminResourceKind.edition.segment, id.component(.edition), "nachbefragung"])
    }
}
