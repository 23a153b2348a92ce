import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension MunicipalitiesFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(AdminURL.dataSheetTemplate, { _ in AdminURL.dataSheetTemplate.path }, lead),
        get(AdminURL.dataSheetTemplateFile, { _ in AdminURL.dataSheetTemplateFile.path }, lead),
        // An empty form is no file: refused with a message on the page.
        post(AdminURL.dataSheetTemplate, { _ in AdminURL.dataSheetTemplate.path }, lead, .redirectElsewhere),
        post(AdminURL.defaultDataSheetTemplate, { _ in AdminURL.defaultDataSheetTemplate.path }, lead, .redirectElsewhere),
        // The fixture's Konstanz has no figures, so there is no group to change (409); another region is not one's own.
        post(
            SiteURL.regionComparisonChoice(.key), { _ in SiteURL.regionComparisonChoice(.value("08335043")).path }, participant, .status(.conflict),
            foreign: { _ in SiteURL.regionComparisonChoice(.value("08335")).path }, foreignAllowed: []),
        get(
            SiteURL.cohortMap(.key), { SiteURL.cohortMap(.value($0.fixture.editionID)).path }, [.lead, .admin, .facilitator, .partner],
            foreign: { SiteURL.cohortMap(.value($0.otherEditionID)).path }),
        get(SiteURL.regionProfile(.key), { _ in SiteURL.regionProfile(.value("08335043")).path }, everyone),
        // An unknown key: 404 after the rule, without a LibreOffice start for every role.
        get(SiteURL.regionDataSheet(.key), { _ in SiteURL.regionDataSheet(.value("99999999")).path }, signedIn, .status(.notFound)),
        get(SiteURL.regions, { _ in SiteURL.regions.path + "?suche=konstanz" }, everyone),
        get(SiteURL.region(.key), { _ in SiteURL.region(.value("08335043")).path }, everyone),
    ]
}
