import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension TimetableFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.home, { _ in "/" }, everyone),
        get(SiteURL.part(.key), { SiteURL.part(.value($0.fixture.partID)).path }, everyone),
    ]
}
