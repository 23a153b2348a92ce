import CohesionCore
import CohesionPlatform
import Vapor

/// The public programme and each part's timetable.
enum TimetableFeature: Feature {
    static let publicCacheRoutes: [any SitePath] = [SiteURL.home, SiteURL.part(.key), SiteURL.partCalendar(.key)]

    static let stylesheet = """
        .timetable-day { margin-bottom: 2rem; }
        .timetable { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
        .slot { display: grid; grid-template-columns: 8.5rem 1fr; gap: 1rem; padding: 0.9rem 0; border-bottom: 1px solid var(--line); }
        .slot__time { font-weight: 700; font-variant-numeric: tabular-nums; }
        .slot__title { font-size: 1.1rem; margin: 0 0 0.25rem; }
        .slot__meta { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.4rem; }
        @media (max-width: 40rem) { .slot { grid-template-columns: 1fr; gap: 0.25rem; } }
        @media print {
          .timetable-day { break-inside: avoid-page; }
          .slot { break-inside: avoid; grid-template-columns: 7rem 1fr; }
        }
        """

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .part(let id) = page else { return [] }
        return [PageLink(order: 10, label: "Öffentliche Seite ansehen", path: SiteURL.part(.value(id)).path)]
    }

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
