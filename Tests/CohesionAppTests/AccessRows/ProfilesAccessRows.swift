import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension ProfilesFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.profile, { _ in SiteURL.profile.path }, participant),
        post(SiteURL.profile, { _ in SiteURL.profile.path }, participant),
        get(AdminURL.participants, { _ in AdminURL.participants.path }, lead),
        get(AdminURL.participantExport, { _ in AdminURL.participantExport.path }, lead),
        get(AdminURL.profile(.key), { AdminURL.profile(.value($0.fixture.participantID)).path }, lead),
        post(AdminURL.profile(.key), { AdminURL.profile(.value($0.fixture.participantID)).path }, lead),
    ]
}
