import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension MunicipalitiesFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.regionProfile(.key), { _ in SiteURL.regionProfile(.value("08335043")).path }, everyone),
        get(SiteURL.regions, { _ in SiteURL.regions.path + "?suche=konstanz" }, everyone),
        get(SiteURL.region(.key), { _ in SiteURL.region(.value("08335043")).path }, everyone),
    ]
}
