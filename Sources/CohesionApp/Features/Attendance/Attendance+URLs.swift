import CohesionPlatform
import Foundation

/// The addresses of Attendance.
extension SiteURL {
    static func attendance(_ id: Param<UUID>) -> SiteURL { SiteURL(["einheiten", id.component(.unit), "anwesenheit"]) }
    static func signInList(_ id: Param<UUID>) -> SiteURL { SiteURL(["einheiten", id.component(.unit), "unterschriftenliste"]) }
}
