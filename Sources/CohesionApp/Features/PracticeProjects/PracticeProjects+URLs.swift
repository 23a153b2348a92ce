import CohesionPlatform
import Foundation

/// The addresses of PracticeProjects.
extension SiteURL {
    static var projects: SiteURL { SiteURL(["praxisprojekte"]) }
    static func project(_ id: Param<UUID>) -> SiteURL { SiteURL(["praxisprojekte", id.component("projectID")]) }
}

/// The lead's pages of PracticeProjects.
extension AdminURL {
    static func cohortProjects(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "praxisprojekte"]) }
}
