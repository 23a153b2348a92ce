import CohesionPlatform
import Foundation
import Tagged

/// The addresses of PracticeProjects.
extension SiteURL {
    static var projects: SiteURL { SiteURL(["praxisprojekte"]) }
    static func project(_ id: Param<UUID>) -> SiteURL { SiteURL(["praxisprojekte", id.component(.project)]) }
}

/// The lead's pages of PracticeProjects.
extension AdminURL {
    static func cohortProjects(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "praxisprojekte"]) }
}

/// A practice project's id, a type of its own; routes name it `:project`.
typealias PracticeProjectID = Tagged<PracticeProject, UUID>

extension RouteParameter<PracticeProjectID> {
    static var project: Self { .id("project") }
}
