import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension EvaluationFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.needs(.key), { SiteURL.needs(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.needs(.value($0.otherEditionID)).path }),
        get(
            SiteURL.change(.key), { SiteURL.change(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.change(.value($0.otherEditionID)).path }),
        post(SiteURL.needDecisions(.key), { SiteURL.needDecisions(.value($0.fixture.editionID)).path }, lead),
        get(SiteURL.aggregatesExport(.key), { SiteURL.aggregatesExport(.value($0.fixture.editionID)).path }, lead),
        get(SiteURL.researchExport(.key), { SiteURL.researchExport(.value($0.fixture.editionID)).path }, lead),
    ]
}
