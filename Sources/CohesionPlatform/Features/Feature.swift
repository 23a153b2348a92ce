import CohesionCore
import SQLKit
import Vapor

/// A capability of Cohesion, kept in one folder under `Features/`: it registers its routes (each
/// with its access rule) and may add an entry to the main navigation, sections to Mein Programm,
/// commands and background work. The app lists its features once, in `Features.all`, and
/// `configure` reads all of it from there.
package protocol Feature: Sendable {
    /// Registers every route of the feature; `RoutesBuilder.get/post(_:_:use:)` takes the rule.
    static func register(on routes: any RoutesBuilder, app: Application) throws

    /// The feature's entry in the main navigation for this visitor, if it has one.
    static func navigation(for user: CurrentUser?) -> NavigationEntry?

    /// What the feature shows this person on Mein Programm.
    static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection]

    /// What the feature adds to this person's private calendar feed, besides the units of their parts.
    static func calendarEvents(for userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event]

    /// The personal data the feature keeps (see `PersonalData`).
    static var personalData: [PersonalData] { get }

    /// The commands the feature adds to `cohesion`.
    static var commands: [FeatureCommand] { get }

    /// Work the feature repeats in the background while `serve` runs (never during other commands).
    static var workers: [PeriodicWorker] { get }

    /// The confirmations the feature's pages show after a redirect, besides `Notice.common`.
    static var notices: [Notice] { get }

    /// The kinds of change the feature writes to the audit log, besides `AuditAction.common`.
    static var auditAreas: [AuditAction] { get }

    /// The links the feature puts on a shared page of the administration for this person.
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink]

    /// The feature's own rules for the one stylesheet, after the platform's.
    static var stylesheet: String { get }

    /// The tables whose every change must renew the report sums kept in memory (`ReportCache`).
    /// Each needs its trigger from a migration; `SchemaTests` compares the two.
    static var reportTables: [String] { get }

    /// The tables the public pages kept in memory are built from (`PublicRevision`); likewise.
    static var publicPageTables: [String] { get }

    /// The tables the feature's sections of Mein Programm read, which is kept in memory per person
    /// (`PersonalPageCache`); likewise. A test reads every statement the page sends and finds each
    /// table here.
    static var personalPageTables: [PersonalPageTable] { get }

    /// How backup and export treat its tables where they are not simply copied (`DumpTreatment`).
    static var dumpTreatment: [DumpTreatment] { get }

    /// The GET routes whose answers to visitors without a session are kept in memory (`PublicPageCache`).
    static var publicCacheRoutes: [any SitePath] { get }

    /// Links in every page's footer.
    static var footerLinks: [PageLink] { get }

    /// A step after the right password (a second factor): the answer that asks for it, or nil.
    static func signInStep(userID: UUID, next: String?, req: Request) async throws -> Response?

    /// The page a role lands on after signing in, if this feature is that role's start.
    static func landingPage(for role: Role) -> String?
}

extension Feature {
    package static func navigation(for user: CurrentUser?) -> NavigationEntry? { nil }
    package static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection] { [] }
    package static var commands: [FeatureCommand] { [] }
    package static func calendarEvents(for userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event] { [] }
    package static var workers: [PeriodicWorker] { [] }
    package static var notices: [Notice] { [] }
    package static var auditAreas: [AuditAction] { [] }
    package static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] { [] }
    package static var stylesheet: String { "" }
    package static var reportTables: [String] { [] }
    package static var publicPageTables: [String] { [] }
    package static var personalPageTables: [PersonalPageTable] { [] }
    package static var publicCacheRoutes: [any SitePath] { [] }
    package static var dumpTreatment: [DumpTreatment] { [] }
    package static var footerLinks: [PageLink] { [] }
    package static func signInStep(userID: UUID, next: String?, req: Request) async throws -> Response? { nil }
    package static func landingPage(for role: Role) -> String? { nil }
}

/// A command of `cohesion` as a feature declares it: its name and how it is registered (its
/// options checked before anything is opened, see `CommandInvocation`).
package struct FeatureCommand: Sendable {
    package let name: String
    package let register: @Sendable (inout AsyncCommands) -> Void

    package init<C: AsyncCommand>(_ name: String, _ command: C) {
        self.name = name
        self.register = { $0.register(command, as: name) }
    }
}

/// One link of the main navigation; `section` marks it as the current page.
package struct NavigationEntry: Sendable {
    package let label: String
    package let path: String
    package let section: NavSection

    package init(label: String, path: String, section: NavSection) {
        self.label = label
        self.path = path
        self.section = section
    }
}

/// A part of Mein Programm; sections are shown by `position`, lowest first, and in the order of
/// `Features.all` where two share one.
package struct MyProgrammeSection: Sendable {
    /// Where a section stands. The common places are named; a feature may stand between them
    /// (`Position(order: 35)`) without changing this file.
    package struct Position: Comparable, Sendable {
        package let order: Int

        package init(order: Int) { self.order = order }

        package static let requests = Position(order: 10)
        package static let profile = Position(order: 20)
        package static let calendar = Position(order: 30)
        package static let teaching = Position(order: 40)
        package static let parts = Position(order: 50)
        package static let attendance = Position(order: 60)

        package static func < (lhs: Position, rhs: Position) -> Bool { lhs.order < rhs.order }
    }

    package let position: Position
    package let content: HTML

    package init(position: Position, content: HTML) {
        self.position = position
        self.content = content
    }
}
