import CohesionPlatform
import Foundation

/// The addresses of Legal: the four public pages (GET; the accessibility page also takes feedback by POST).
extension SiteURL {
    static func legal(_ kind: LegalPageKind) -> SiteURL { SiteURL([kind.rawValue]) }
}

/// The admin's editing page for each.
extension AdminURL {
    static func legalPage(_ kind: Param<String>) -> AdminURL { AdminURL(["verwaltung", "rechtliches", kind.component("kind")]) }
}
