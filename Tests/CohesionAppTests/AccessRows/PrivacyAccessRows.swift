import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension PrivacyFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.myData, { _ in SiteURL.myData.path }, signedIn),
        get(SiteURL.myDataJSON, { _ in SiteURL.myDataJSON.path }, signedIn),
        get(AdminURL.retention, { _ in AdminURL.retention.path }, [.admin]),
        post(AdminURL.retention, { _ in AdminURL.retention.path }, [.admin], .redirectElsewhere).running(.changes(1)),
    ]
}
