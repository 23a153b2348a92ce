import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension PartnerReportsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.reports, { _ in SiteURL.reports.path }, [.partner, .lead, .admin]),
        get(
            SiteURL.partnerReport(.key), { SiteURL.partnerReport(.value($0.fixture.editionID)).path }, [.partner, .lead, .admin],
            foreign: { SiteURL.partnerReport(.value($0.otherEditionID)).path }),
        get(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(
            AdminURL.removeProgrammePartner(.key, .key),
            { AdminURL.removeProgrammePartner(.value($0.otherProgrammeID), .value($0.fixture.participantID)).path }, lead, .redirectElsewhere),
    ]
}
