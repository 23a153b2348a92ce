import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension SelfAssessmentFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.assessments, { _ in SiteURL.assessments.path }, participant),
        get(
            SiteURL.assessment(.key), { SiteURL.assessment(.value($0.ownPhaseID)).path }, participant,
            foreign: { SiteURL.assessment(.value($0.otherPhaseID)).path }, foreignAllowed: []),
        post(
            SiteURL.assessment(.key), { SiteURL.assessment(.value($0.ownPhaseID)).path }, participant,
            foreign: { SiteURL.assessment(.value($0.otherPhaseID)).path }, foreignAllowed: []),
        get(AdminURL.phases(.key), { AdminURL.phases(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.phases(.key), { AdminURL.phases(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.togglePhase(.key), { AdminURL.togglePhase(.value($0.ownPhaseID)).path }, lead, .redirectElsewhere),
    ]
}
