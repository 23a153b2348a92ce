import CohesionCore
import CohesionPlatform
import Vapor

/// The admin's page for accounts and roles: create an account (the person gets a mail to set a
/// password), change a role, lock an account (its sessions end at once), erase a person on request.
enum AccountAdminFeature: Feature {
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .administration = page, user.role == .admin else { return [] }
        return [PageLink(order: 20, label: "Konten und Rollen", path: AdminURL.accounts.path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let accounts = AccountAdminController()
        let admin = AccessRule.roles([.admin], "Administration")
        routes.get(AdminURL.accounts, admin, use: accounts.list)
        routes.post(AdminURL.accounts, admin, use: accounts.create)
        routes.get(AdminURL.account(.key), admin, use: accounts.show)
        routes.post(AdminURL.accountRole(.key), admin, use: accounts.changeRole)
        routes.post(AdminURL.accountLock(.key), admin, use: accounts.lock)
        routes.post(AdminURL.accountErasure(.key), admin, use: accounts.erase)
    }
}
