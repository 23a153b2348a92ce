import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension RegistrationFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.registration(.key), { SiteURL.registration(.value($0.fixture.partID)).path }, participant,
            foreign: { SiteURL.registration(.value($0.otherPartID)).path }, foreignAllowed: []),
        // The demo's Part 2 has begun long ago: a participant's change is refused with 409 (`RegistrationWindow`),
        // the lead's cancellation asks for a reason (422).
        post(
            SiteURL.registration(.key), { SiteURL.registration(.value($0.fixture.partID)).path }, participant, .status(.conflict),
            foreign: { SiteURL.registration(.value($0.otherPartID)).path }, foreignAllowed: []),
        post(
            SiteURL.cancellation(.key), { SiteURL.cancellation(.value($0.fixture.partID)).path }, participant, .status(.conflict),
            foreign: { SiteURL.cancellation(.value($0.otherPartID)).path }, foreignAllowed: []),
        get(AdminURL.registrations(.key), { AdminURL.registrations(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.registrations(.key), { AdminURL.registrations(.value($0.fixture.partID)).path }, lead),
        post(AdminURL.cancelRegistration(.key), { AdminURL.cancelRegistration(.value($0.registrationID)).path }, lead),
    ]
}
