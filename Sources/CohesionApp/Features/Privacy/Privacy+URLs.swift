import CohesionPlatform
import Foundation

/// The addresses of Privacy: each person's own data (page and JSON download) and the admin's retention period.
extension SiteURL {
    static var myData: SiteURL { SiteURL(["konto", "meine-daten"]) }
    static var myDataJSON: SiteURL { SiteURL(["konto", "meine-daten.json"]) }
}

extension AdminURL {
    static var retention: AdminURL { AdminURL(["verwaltung", "aufbewahrung"]) }
}
