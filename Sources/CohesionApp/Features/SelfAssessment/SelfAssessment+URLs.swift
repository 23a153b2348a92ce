import CohesionPlatform
import Foundation

/// The addresses of SelfAssessment.
extension SiteURL {
    static var assessments: SiteURL { SiteURL(["selbsteinschaetzung"]) }
    static func assessment(_ id: Param<UUID>) -> SiteURL { SiteURL(["selbsteinschaetzung", id.component("phaseID")]) }
}

/// The lead's pages of SelfAssessment.
extension AdminURL {
    static func phases(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "selbsteinschaetzung"]) }
    static func togglePhase(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "phasen", id.component("id"), "umschalten"]) }
}
