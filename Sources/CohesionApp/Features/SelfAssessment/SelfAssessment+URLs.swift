import CohesionPlatform
import Foundation
import Tagged

/// The addresses of SelfAssessment.
extension SiteURL {
    static var assessments: SiteURL { SiteURL(["selbsteinschaetzung"]) }
    static func assessment(_ id: Param<UUID>) -> SiteURL { SiteURL(["selbsteinschaetzung", id.component(.phase)]) }
}

/// The lead's pages of SelfAssessment.
extension AdminURL {
    static func phases(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "selbsteinschaetzung"]) }
    static func togglePhase(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "phasen", id.component(.phase), "umschalten"]) }
}

/// A phase of self-assessment's id, a type of its own; routes name it `:phase`.
typealias AssessmentPhaseID = Tagged<AssessmentPhase, UUID>

extension RouteParameter<AssessmentPhaseID> {
    static var phase: Self { .id("phase") }
}
