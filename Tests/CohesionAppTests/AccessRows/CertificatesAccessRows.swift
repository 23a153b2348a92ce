import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension CertificatesFeature: AccessTableRows {
    static let accessRows: [Row] = [
        // Without the right code there is no certificate to confirm.
        get(SiteURL.verification(.key), { _ in SiteURL.verification(.value("0000-0000-0000-0000")).path }, everyone, .status(.notFound)),
        get(SiteURL.jwks, { _ in SiteURL.jwks.path }, everyone),
        get(SiteURL.badgeIssuer(.key), { SiteURL.badgeIssuer(.value($0.fixture.programmeID)).path }, everyone),
        // Nobody in the bare demo has attended yet: issuing finds no one to issue for and goes back.
        post(AdminURL.issueCertificates(.key), { AdminURL.issueCertificates(.value($0.fixture.editionID)).path }, lead, .redirectElsewhere),
        get(AdminURL.certificateTemplate(.key), { AdminURL.certificateTemplate(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.certificateTemplate(.key), { AdminURL.certificateTemplate(.value($0.fixture.editionID)).path }, lead, .redirectElsewhere),
        post(
            AdminURL.defaultCertificateTemplate(.key), { AdminURL.defaultCertificateTemplate(.value($0.fixture.editionID)).path }, lead,
            .redirectElsewhere),
        get(
            SiteURL.certificatePDF(.key), { SiteURL.certificatePDF(.value($0.ownCertificateID)).path }, lead.union(participant),
            foreign: { SiteURL.certificatePDF(.value($0.otherCertificateID)).path }, foreignAllowed: lead),
        get(
            SiteURL.badge(.key), { SiteURL.badge(.value($0.ownCertificateID)).path }, lead.union(participant),
            foreign: { SiteURL.badge(.value($0.otherCertificateID)).path }, foreignAllowed: lead),
        post(AdminURL.revokeCertificate(.key), { AdminURL.revokeCertificate(.value($0.otherCertificateID)).path }, lead),
    ]
}
