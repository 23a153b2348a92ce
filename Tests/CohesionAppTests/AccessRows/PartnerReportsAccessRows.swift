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
        // Renders the PDF (one LibreOffice start per allowed role): the rule is the page's.
        get(
            SiteURL.impactReportPDF(.key), { SiteURL.impactReportPDF(.value($0.fixture.editionID)).path }, [.partner, .lead, .admin],
            foreign: { SiteURL.impactReportPDF(.value($0.otherEditionID)).path }),
        get(
            SiteURL.programmeReport(.key), { SiteURL.programmeReport(.value($0.fixture.programmeID)).path }, [.partner, .lead, .admin],
            foreign: { SiteURL.programmeReport(.value($0.otherProgrammeID)).path }),
        get(AdminURL.impactReportTemplate, { _ in AdminURL.impactReportTemplate.path }, lead),
        get(AdminURL.impactReportTemplateFile, { _ in AdminURL.impactReportTemplateFile.path }, lead),
        post(AdminURL.impactReportTemplate, { _ in AdminURL.impactReportTemplate.path }, lead, .redirectElsewhere),
        post(AdminURL.defaultImpactReportTemplate, { _ in AdminURL.defaultImpactReportTemplate.path }, lead, .redirectElsewhere),
        get(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(AdminURL.programmePartners(.key), { AdminURL.programmePartners(.value($0.fixture.programmeID)).path }, lead),
        post(
            AdminURL.removeProgrammePartner(.key, .key),
            { AdminURL.removeProgrammePartner(.value($0.otherProgrammeID), .value($0.fixture.participantID)).path }, lead, .redirectElsewhere),
    ]
}
