import Vapor
import CohesionCore

/// A capability of Cohesion, kept in one folder under `Features/`: it registers its routes (each
/// with its access rule) and may add an entry to the main navigation and sections to Mein
/// Programm. The app lists its features once, in `Features.all`.
protocol Feature: Sendable {
    /// Registers every route of the feature; `RoutesBuilder.get/post(_:_:use:)` takes the rule.
    static func register(on routes: any RoutesBuilder, app: Application) throws

    /// The feature's entry in the main navigation for this visitor, if it has one.
    static func navigation(for user: CurrentUser?) -> NavigationEntry?

    /// What the feature shows this person on Mein Programm.
    static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection]

    /// The personal data the feature keeps (see `PersonalData`).
    static var personalData: [PersonalData] { get }
}

extension Feature {
    static func navigation(for user: CurrentUser?) -> NavigationEntry? { nil }
    static func myProgrammeSections(for user: CurrentUser, request: Request) async throws -> [MyProgrammeSection] { [] }
}

/// One link of the main navigation; `section` marks it as the current page.
struct NavigationEntry: Sendable {
    let label: String
    let path: String
    let section: NavSection
}

/// A part of Mein Programm; sections are shown by `position`, lowest first.
struct MyProgrammeSection: Sendable {
    enum Position: Int, Comparable, Sendable {
        case requests = 10, profile = 20, calendar = 30, teaching = 40, parts = 50, attendance = 60

        static func < (lhs: Position, rhs: Position) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    let position: Position
    let content: HTML
}
