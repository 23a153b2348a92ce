import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension AuditFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(AdminURL.auditLog, { _ in AdminURL.auditLog.path + "?bereich=registration" }, [.admin])
    ]
}
