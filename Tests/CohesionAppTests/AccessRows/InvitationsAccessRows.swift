import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension InvitationsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.invitation(.key), { _ in SiteURL.invitation(.value("unbekannt")).path }, everyone, .status(.gone)),
        post(SiteURL.invitation(.key), { _ in SiteURL.invitation(.value("unbekannt")).path }, everyone, .status(.gone)),
        get(AdminURL.invitations(.key), { AdminURL.invitations(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.invitations(.key), { AdminURL.invitations(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.invitationUpload(.key), { AdminURL.invitationUpload(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.resendInvitation(.key), { AdminURL.resendInvitation(.value($0.invitationID)).path }, lead, .redirectElsewhere),
    ]
}
