import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension MyProgrammeFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.myProgramme, { _ in SiteURL.myProgramme.path }, [.lead, .facilitator, .participant])
    ]
}
