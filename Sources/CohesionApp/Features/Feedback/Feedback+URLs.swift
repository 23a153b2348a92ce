import CohesionPlatform
import Foundation

/// The addresses of Feedback.
extension SiteURL {
    static func survey(_ id: Param<UUID>) -> SiteURL { SiteURL(["feedback", id.component("surveyID")]) }
    static func surveyReport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "feedback", id.component("surveyID")]) }
    static func feedbackOverview(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "feedback"]) }
    static func partFeedback(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "teile", id.component("partID"), "feedback"]) }
    static func facilitatorFeedback(_ edition: Param<UUID>, _ person: Param<UUID>) -> SiteURL {
        SiteURL(["auswertung", "durchlaeufe", edition.component("id"), "referentinnen", person.component("userID"), "feedback"])
    }
}

/// The lead's pages of Feedback.
extension AdminURL {
    static func surveys(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teile", id.component("id"), "feedback"]) }
    static func survey(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component("id")]) }
    static func surveyQuestions(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component("id"), "fragen"]) }
    static func surveyInvite(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component("id"), "einladen"]) }
}
