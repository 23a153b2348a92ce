import Vapor
import CohesionCore

/// The public programme and each part's timetable.
enum TimetableFeature: Feature {
    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let pages = TimetableController()
        let open = AccessRule.everyone("öffentlich")
        routes.get(SiteURL.home, open, use: pages.home)
        routes.get(SiteURL.part(.key), open, use: pages.part)
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        NavigationEntry(label: "Programm", path: SiteURL.home.path, section: .programme)
    }
}
