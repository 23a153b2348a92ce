import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension PracticeProjectsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.projects, { _ in SiteURL.projects.path }, participant),
        post(SiteURL.projects, { _ in SiteURL.projects.path }, participant),
        get(
            SiteURL.project(.key), { SiteURL.project(.value($0.ownProjectID)).path }, participant,
            foreign: { SiteURL.project(.value($0.otherProjectID)).path }, foreignAllowed: []),
        post(
            SiteURL.project(.key), { SiteURL.project(.value($0.ownProjectID)).path }, participant,
            foreign: { SiteURL.project(.value($0.otherProjectID)).path }, foreignAllowed: []),
        get(AdminURL.cohortProjects(.key), { AdminURL.cohortProjects(.value($0.fixture.editionID)).path }, lead),
    ]
}
