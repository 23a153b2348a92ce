import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension TransferFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.followUp(.key), { SiteURL.followUp(.value($0.fixture.editionID)).path }, participant,
            foreign: { SiteURL.followUp(.value($0.otherEditionID)).path }, foreignAllowed: []),
        // Every question may be left out, so an empty form is an answer.
        post(
            SiteURL.followUp(.key), { SiteURL.followUp(.value($0.fixture.editionID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.followUp(.value($0.otherEditionID)).path }, foreignAllowed: []),
        get(AdminURL.followUpPhase(.key), { AdminURL.followUpPhase(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.followUpPhase(.key), { AdminURL.followUpPhase(.value($0.fixture.editionID)).path }, lead),
    ]
}
