import CohesionCore
import Vapor

/// A capability of Cohesion, kept in one folder under `Features/`: it registers its routes (each
/// with its access rule) and may add an entry to the main navigation, sections to Mein Programm,
/// commands and background work. The app lists its features once, in `Features.all`, and
/// `configure` reads all of it from there.
protocol Feature: Sendable {
    /// Registers every route of the feature; `RoutesBuilder.get/post(_:_:use:)` takes the rule.
    static func register(on routes: any RoutesBuilder, app: Application) throws

    /// The feature's entry in the main navigation for this visitor, if it has one.
    static func navigation(for user: CurrentUser?) -> NavigationEntry?

    /// What the feature shows this person on Mein Programm.
    static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection]

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
    static func navigation(for user: CurrentUser?) -> NavigationEntry? { nil }
    static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection] { [] }
    static var commands: [FeatureCommand] { [] }
    static var workers: [PeriodicWorker] { [] }
    static var notices: [Notice] { [] }
    static var auditAreas: [AuditAction] { [] }
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] { [] }
    static var stylesheet: String { "" }
    static var reportTables: [String] { [] }
    static var publicPageTables: [String] { [] }
    static var publicCacheRoutes: [any SitePath] { [] }
    static var footerLinks: [PageLink] { [] }
    static func signInStep(userID: UUID, next: String?, req: Request) async throws -> Response? { nil }
    static func landingPage(for role: Role) -> String? { nil }
}

/// A command of `cohesion` as a feature declares it: its name and how it is registered (its
/// options checked before anything is opened, see `CommandInvocation`).
struct FeatureCommand: Sendable {
    let name: String
    let register: @Sendable (inout AsyncCommands) -> Void

    init<C: AsyncCommand>(_ name: String, _ command: C) {
        self.name = name
        self.register = { $0.register(command, as: name) }
    }
}

/// One link of the main navigation; `section` marks it as the current page.
struct NavigationEntry: Sendable {
    let label: String
    let path: String
    let section: NavSection
}

/// A part of Mein Programm; sections are shown by `position`, lowest first, and in the order of
/// `Features.all` where two share one.
struct MyProgrammeSection: Sendable {
    /// Where a section stands. The common places are named; a feature may stand between them
    /// (`Position(order: 35)`) without changing this file.
    struct Position: Comparable, Sendable {
        let order: Int

        static let requests = Position(order: 10)
        static let profile = Position(order: 20)
        static let calendar = Position(order: 30)
        static let teaching = Position(order: 40)
        static let parts = Position(order: 50)
        static let attendance = Position(order: 60)

        static func < (lhs: Position, rhs: Position) -> Bool { lhs.order < rhs.order }
    }

    let position: Position
    let content: HTML
}
