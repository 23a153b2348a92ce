import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension AccountAdminFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(AdminURL.accounts, { _ in AdminURL.accounts.path + "?rolle=participant" }, [.admin]),
        post(AdminURL.accounts, { _ in AdminURL.accounts.path }, [.admin]),
        get(AdminURL.account(.key), { AdminURL.account(.value($0.colleagueID)).path }, [.admin]),
        post(AdminURL.accountRole(.key), { AdminURL.accountRole(.value($0.colleagueID)).path }, [.admin]).running(.changes(1)),
        post(AdminURL.accountLock(.key), { AdminURL.accountLock(.value($0.colleagueID)).path }, [.admin]).running(.changes(1)),
        post(AdminURL.accountErasure(.key), { AdminURL.accountErasure(.value($0.colleagueID)).path }, [.admin]).running(.changes(9)),
    ]
}
