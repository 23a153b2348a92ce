import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension FeedbackFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.survey(.key), { SiteURL.survey(.value($0.ownSurveyID)).path }, participant,
            foreign: { SiteURL.survey(.value($0.otherSurveyID)).path }, foreignAllowed: []),
        // Every question may be left out, so an empty form is an answer.
        post(
            SiteURL.survey(.key), { SiteURL.survey(.value($0.ownSurveyID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.survey(.value($0.otherSurveyID)).path }, foreignAllowed: []),
        get(
            SiteURL.surveyReport(.key), { SiteURL.surveyReport(.value($0.ownSurveyID)).path }, teachers,
            foreign: { SiteURL.surveyReport(.value($0.otherSurveyID)).path }),
        get(
            SiteURL.feedbackOverview(.key), { SiteURL.feedbackOverview(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.feedbackOverview(.value($0.otherEditionID)).path }),
        get(
            SiteURL.partFeedback(.key), { SiteURL.partFeedback(.value($0.fixture.partID)).path }, teachers,
            foreign: { SiteURL.partFeedback(.value($0.otherPartID)).path }),
        get(
            SiteURL.facilitatorFeedback(.key, .key), { SiteURL.facilitatorFeedback(.value($0.fixture.editionID), .value($0.fixture.facilitatorID)).path },
            teachers, foreign: { SiteURL.facilitatorFeedback(.value($0.fixture.editionID), .value($0.colleagueID)).path }),
        get(AdminURL.surveys(.key), { AdminURL.surveys(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.surveys(.key), { AdminURL.surveys(.value($0.fixture.partID)).path }, lead),
        get(AdminURL.survey(.key), { AdminURL.survey(.value($0.ownSurveyID)).path }, lead),
        post(AdminURL.surveyQuestions(.key), { AdminURL.surveyQuestions(.value($0.ownSurveyID)).path }, lead),
        post(AdminURL.surveyInvite(.key), { AdminURL.surveyInvite(.value($0.ownSurveyID)).path }, lead, .redirectElsewhere),
    ]
}
