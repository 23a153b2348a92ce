import CohesionCore
import CohesionPlatform
import Vapor

/// Data-protection rights: everyone reads and downloads what Cohesion holds about them; the admin
/// sets how long participants' data is kept after their edition. Erasure itself is on the admin's
/// account page (AccountAdmin); all three follow the declarations in `PersonalData`.
enum PrivacyFeature: Feature {
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .administration where user.role == .admin: [PageLink(order: 30, label: "Aufbewahrung", path: AdminURL.retention.path)]
        case .account: [PageLink(order: 10, label: "Meine Daten: alles, was Cohesion über Sie gespeichert hat", path: SiteURL.myData.path)]
        default: []
        }
    }

    static let commands = [FeatureCommand("retention", RetentionCommand())]
    /// Every instance looks each hour; a claim on the day lets one of them erase.
    static let workers = [RetentionWorker.make()]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let privacy = PrivacyController()
        let own = AccessRule.roles(Set(Role.allCases), "alle Angemeldeten, nur die eigenen Daten")
        routes.get(SiteURL.myData, own, use: privacy.page)
        routes.get(SiteURL.myDataJSON, own, use: privacy.download)
        let admin = AccessRule.roles([.admin], "Administration")
        routes.get(AdminURL.retention, admin, use: privacy.retention)
        routes.post(AdminURL.retention, admin, use: privacy.saveRetention)
    }
}
