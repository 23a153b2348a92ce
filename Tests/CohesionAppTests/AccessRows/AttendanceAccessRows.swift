import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension AttendanceFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.attendance(.key), { SiteURL.attendance(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.attendance(.value($0.otherUnitID)).path }),
        post(
            SiteURL.attendance(.key), { SiteURL.attendance(.value($0.fixture.unitID)).path }, teachers, .redirectElsewhere,
            foreign: { SiteURL.attendance(.value($0.otherUnitID)).path }),
        get(
            SiteURL.signInList(.key), { SiteURL.signInList(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.signInList(.value($0.otherUnitID)).path }),
    ]
}
