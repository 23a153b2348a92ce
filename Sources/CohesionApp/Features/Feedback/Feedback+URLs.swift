import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Feedback.
extension SiteURL {
    static func survey(_ id: Param<UUID>) -> SiteURL { SiteURL(["feedback", id.component(.survey)]) }
    static func surveyReport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "feedback", id.component(.survey)]) }
    static func feedbackOverview(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "feedback"]) }
    static func partFeedback(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "teile", id.component(.part), "feedback"]) }
    static func facilitatorFeedback(_ edition: Param<UUID>, _ person: Param<UUID>) -> SiteURL {
        SiteURL(["auswertung", "durchlaeufe", edition.component(.edition), "referentinnen", person.component(.person), "feedback"])
    }
}

/// The lead's pages of Feedback.
extension AdminURL {
    static func surveys(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teile", id.component(.part), "feedback"]) }
    static func survey(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component(.survey)]) }
    static func surveyQuestions(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component(.survey), "fragen"]) }
    static func surveyInvite(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "feedback", id.component(.survey), "einladen"]) }
}

/// A survey's id, a type of its own; routes name it `:survey`.
typealias SurveyID = Tagged<Survey, UUID>

extension RouteParameter<SurveyID> {
    static var survey: Self { .id("survey") }
}
