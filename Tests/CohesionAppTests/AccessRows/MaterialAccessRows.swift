import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension MaterialFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(
            SiteURL.unitMaterial(.key), { SiteURL.unitMaterial(.value($0.fixture.unitID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.unitMaterial(.value($0.otherUnitID)).path }),
        post(
            SiteURL.unitMaterial(.key), { SiteURL.unitMaterial(.value($0.fixture.unitID)).path }, teachers,
            foreign: { SiteURL.unitMaterial(.value($0.otherUnitID)).path }),
        get(
            SiteURL.partMaterial(.key), { SiteURL.partMaterial(.value($0.fixture.partID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.partMaterial(.value($0.otherPartID)).path }),
        get(
            SiteURL.material(.key), { SiteURL.material(.value($0.ownMaterialID)).path }, [.lead, .admin, .facilitator, .participant],
            foreign: { SiteURL.material(.value($0.otherMaterialID)).path }),
        // Deleting a file comes after every row that reads it.
        post(
            SiteURL.deleteMaterial(.key), { SiteURL.deleteMaterial(.value($0.ownMaterialID)).path }, teachers, .redirectElsewhere,
            foreign: { SiteURL.deleteMaterial(.value($0.otherMaterialID)).path }
        ).running(.deletes(0)),
    ]
}
