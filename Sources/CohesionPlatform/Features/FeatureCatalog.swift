import CohesionCore
import Fluent
import SQLKit
import Vapor

/// What the features add to the whole, put together once: the app hands its list of features and
/// its ordered migrations to `configure`, which keeps this in the application (`app.features`,
/// `req.features`). The platform reads every feature through here and never by name, which is why
/// it can be a module of its own that sees no feature.
package final class FeatureCatalog: Sendable {
    /// In the order of the main navigation.
    package let all: [any Feature.Type]
    /// Every migration, in the order it runs.
    package let migrations: [any Migration]

    /// Every notice a link may name, by key. A key used twice is caught by a test; the first one stays.
    package let notices: [String: Notice]
    /// The kinds of change the audit log knows, the platform's first.
    package let auditActions: [AuditAction]
    /// The one stylesheet: the platform's rules, then each feature's in the order of `all`.
    package let stylesheet: String
    /// A fingerprint of the stylesheet for its address, so a browser never keeps an old one.
    package let stylesheetVersion: String
    /// The tables whose changes renew the report sums kept in memory (`ReportCache`).
    package let reportTables: [String]
    /// The tables the public pages kept in memory are built from (`PublicRevision`); for users only
    /// the name, which the platform watches itself.
    package let publicPageTables: [String]
    /// The tables a person's Mein Programm is built from (`PersonalRevision`); for users the
    /// platform's own declaration comes first.
    package let personalPageTables: [PersonalPageTable]
    /// The links in every page's footer, by their order.
    package let footerLinks: [PageLink]
    /// How the site file treats the tables that are not simply copied.
    package let dumpTreatments: [DumpTreatment]
    /// The tables features rebuild from others (a search index): no backup, export or scan reads them.
    package var derivedTables: Set<String> { Set(dumpTreatments.rebuilt.flatMap(\.tables)) }
    /// What the privacy statement lists and what access and erasure walk.
    package let personalData: [PersonalData]

    package init(_ features: [any Feature.Type], migrations: [any Migration]) {
        all = features
        self.migrations = migrations
        notices = Dictionary((Notice.common + features.flatMap { $0.notices }).map { ($0.key, $0) }) { first, _ in first }
        auditActions = AuditAction.common + features.flatMap { $0.auditAreas }
        stylesheet = ([Stylesheet.platform] + features.map { $0.stylesheet }.filter { !$0.isEmpty }).joined(separator: "\n")
        stylesheetVersion = Assets.fingerprint(stylesheet)
        // Kept reports count accounts by role and leave out erased ones.
        reportTables = ["users"] + features.flatMap { $0.reportTables }
        publicPageTables = features.flatMap { $0.publicPageTables }
        personalPageTables = [.own("users", column: "id")] + features.flatMap { $0.personalPageTables }
        footerLinks = features.flatMap { $0.footerLinks }.sorted { ($0.order, $0.label) < ($1.order, $1.label) }
        dumpTreatments = features.flatMap { $0.dumpTreatment }
        personalData = PersonalData.platform + features.flatMap { $0.personalData }
    }

    /// The main navigation for this visitor, in the order of `all`.
    package func navigation(for user: CurrentUser?) -> [NavigationEntry] {
        all.compactMap { $0.navigation(for: user) }
    }

    /// The page a role lands on after signing in: the first feature that claims it, else the home page.
    package func landingPage(for role: Role) -> String {
        all.lazy.compactMap { $0.landingPage(for: role) }.first ?? SiteURL.home.path
    }

    /// Every feature's events for this person's private calendar feed.
    package func calendarEvents(for userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        var events: [ICalendar.Event] = []
        for feature in all { events += try await feature.calendarEvents(for: userID, now: now, on: db) }
        return events
    }

    /// The audit area stored under `key`, with its label.
    package func auditAction(named key: String) -> AuditAction? { auditActions.first { $0.key == key } }

    /// The notice a link names, if there is one by that key.
    package func notice(named key: String) -> Notice? { notices[key] }

    /// The stylesheet's address; it changes with the content.
    package var stylesheetURL: SiteURL { SiteURL(["static", "cohesion-\(stylesheetVersion).css"]) }
}

extension Application {
    private struct FeatureCatalogKey: StorageKey { typealias Value = FeatureCatalog }

    /// The features this application was configured with (`configure`).
    package var features: FeatureCatalog {
        get {
            guard let catalog = storage[FeatureCatalogKey.self] else { fatalError("configure(_:config:features:) sets the features first") }
            return catalog
        }
        set { storage[FeatureCatalogKey.self] = newValue }
    }
}

extension Request {
    /// The features of the application answering this request.
    package var features: FeatureCatalog { application.features }
}
