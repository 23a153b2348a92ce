import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension LegalFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.legal(.impressum), { _ in SiteURL.legal(.impressum).path }, everyone),
        get(SiteURL.legal(.privacy), { _ in SiteURL.legal(.privacy).path }, everyone),
        get(SiteURL.legal(.accessibility), { _ in SiteURL.legal(.accessibility).path }, everyone),
        get(SiteURL.legal(.plainLanguage), { _ in SiteURL.legal(.plainLanguage).path }, everyone),
        post(SiteURL.legal(.accessibility), { _ in SiteURL.legal(.accessibility).path }, everyone),
        get(AdminURL.legalPage(.key), { _ in AdminURL.legalPage(.value("impressum")).path }, [.admin]),
        post(AdminURL.legalPage(.key), { _ in AdminURL.legalPage(.value("impressum")).path }, [.admin]),
    ]
}
