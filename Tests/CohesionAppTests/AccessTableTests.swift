import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Every route of the app against every role (and anonymous visitors), once with the role's own
/// objects and, where the route's rule checks the object, once with a foreign one: another
/// edition, another participant's project, another facilitator's unit.
@Suite("Who may open what", .serialized)
struct AccessTableTests {
    typealias Objects = AccessObjects
    typealias Path = @Sendable (Objects) -> String

    enum Answer: Equatable, CustomStringConvertible, Sendable {
        case status(HTTPStatus)
        /// A redirect somewhere other than the login page (after saving or deleting).
        case redirectElsewhere
        case forbidden
        case toLogin

        var description: String {
            switch self {
            case .status(let status): "\(status.code)"
            case .redirectElsewhere: "redirect"
            case .forbidden: "403"
            case .toLogin: "redirect to login"
            }
        }
    }

    struct Row: Sendable {
        let method: HTTPMethod
        /// The route as registered, e.g. `/auswertung/durchlaeufe/:id/bedarfe`.
        let pattern: String
        let own: Path
        let allowed: Set<Role?>
        let answer: Answer
        /// The same route with an object the role-level audience may not use.
        var foreign: Path? = nil
        var foreignAllowed: Set<Role?> = [.lead, .admin]
        var foreignAnswer: Answer? = nil
        /// Where a signed-in person gets another answer than a visitor (the login form).
        var signedInAnswer: Answer? = nil
        /// Tried in a session of its own, because it ends the sessions of the person (log out everywhere).
        var ownSession = false
        /// When the row runs; rows come from every feature in no particular order and are sorted by this, then by key.
        var phase: Phase = .reads
        /// The feature that declared the row (set when the rows are collected).
        var feature = ""

        func running(_ phase: Phase) -> Row {
            var row = self
            row.phase = phase
            return row
        }

        var key: String { method.rawValue + " " + pattern }
        /// API routes take a bearer token instead of the session, and answer 401 without one.
        var isAPI: Bool { pattern.hasPrefix("/api/") }
    }

    /// What a row does to the objects others read, and so when it runs: reads first, then changes,
    /// then deletions (children, lower numbers, before parents), and what ends the session last.
    enum Phase: Comparable, Sendable {
        case reads
        case changes(Int)
        case deletes(Int)
        case endsSession
    }

    static let everyone: Set<Role?> = Set(Role.allCases.map(Optional.some) + [nil])
    static let lead: Set<Role?> = [.lead, .admin]
    static let teachers: Set<Role?> = [.lead, .admin, .facilitator]
    static let participant: Set<Role?> = [.participant]
    static let teachersAll: Set<Role?> = [.lead, .admin, .facilitator]
    static let signedIn: Set<Role?> = Set(Role.allCases.map(Optional.some))

    static func get(
        _ pattern: some SitePath, _ own: @escaping Path, _ allowed: Set<Role?>, _ answer: Answer = .status(.ok),
        foreign: Path? = nil, foreignAllowed: Set<Role?> = lead, foreignAnswer: Answer? = nil
    ) -> Row {
        Row(
            method: .GET, pattern: pattern.path, own: own, allowed: allowed, answer: answer, foreign: foreign,
            foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }

    static func post(
        _ pattern: some SitePath, _ own: @escaping Path, _ allowed: Set<Role?>, _ answer: Answer = .status(.unprocessableEntity),
        foreign: Path? = nil, foreignAllowed: Set<Role?> = lead, foreignAnswer: Answer? = nil
    ) -> Row {
        Row(
            method: .POST, pattern: pattern.path, own: own, allowed: allowed, answer: answer, foreign: foreign,
            foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }

    /// The rows every feature declares beside its tests (`AccessRows/`), in the order their phases ask.
    static let rows: [Row] = Features.all.flatMap { feature in
        ((feature as? any AccessTableRows.Type)?.accessRows ?? []).map { row in
            var row = row
            row.feature = String(describing: feature)
            return row
        }
    }.sorted { ($0.phase, $0.key) < ($1.phase, $1.key) }

    /// An API operation: `pattern` as the router writes it (`/api/v1/parts/:part`).
    static func api(
        _ method: HTTPMethod, _ pattern: String, _ own: @escaping Path, _ allowed: Set<Role?>, _ answer: Answer = .status(.ok),
        foreign: Path? = nil, foreignAllowed: Set<Role?> = lead, foreignAnswer: Answer? = nil
    ) -> Row {
        Row(
            method: method, pattern: pattern, own: own, allowed: allowed, answer: answer, foreign: foreign,
            foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }
}

extension AccessTableTests {
    static func answer(_ response: TestingHTTPResponse) -> Answer {
        if response.status == .seeOther || response.status == .found {
            return (response.location ?? "").hasPrefix(SiteURL.login.path) ? .toLogin : .redirectElsewhere
        }
        return response.status == .forbidden ? .forbidden : .status(response.status)
    }

    static func expected(for role: Role?, allowed: Set<Role?>, answer: Answer, api: Bool = false) -> Answer {
        allowed.contains(role) ? answer : (role == nil ? (api ? .status(.unauthorized) : .toLogin) : .forbidden)
    }

    /// An API call of this row: forms' counterpart is an empty JSON object, so an allowed role meets validation, not a change.
    static func call(_ row: Row, _ path: String, with client: inout Browser) async throws -> TestingHTTPResponse {
        try await client.api(row.method, path, json: [.GET, .DELETE].contains(row.method) ? nil : "{}")
    }

    static func registered(_ app: Application) -> [String: Route] {
        Dictionary(
            app.routes.all.map { ($0.method.rawValue + " /" + $0.path.map(\.description).joined(separator: "/"), $0) },
            uniquingKeysWith: { a, _ in a })
    }

    @Test("every registered route has a row, every row a route, and foreign objects are tried exactly where the rule checks objects")
    func coverage() async throws {
        try await withApp { app, _ in
            let routes = Self.registered(app)
            let rows = Dictionary(Self.rows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(rows.count == Self.rows.count, "each route has one row")
            for key in routes.keys.sorted() { #expect(rows[key] != nil, "no row for \(key)") }
            for key in rows.keys.sorted() { #expect(routes[key] != nil, "a row for a route that does not exist: \(key)") }
            for (key, route) in routes {
                #expect(rows[key].map(\.feature) == route.feature, "\(key) is registered by \(route.feature ?? "?"), its row must be declared there")
                let rule = try #require(route.accessRule, "\(key) has no rule")
                #expect((rule.objectCheck != nil) == (rows[key]?.foreign != nil), "\(key): \(rule.description)")
            }
        }
    }

    @Test(
        "each role gets exactly the answer the table gives, for its own objects and for foreign ones",
        arguments: [Role?.none] + Role.allCases.map(Optional.some))
    func table(role: Role?) async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            var browser = Browser(app)
            if let role { try await browser.login(try #require(objects.fixture.accounts[role])) } else { try await browser.get(SiteURL.login.path) }
            var client = Browser(app)
            if let role, let account = objects.fixture.accounts[role],
                let user = try await User.query(on: app.db).filter(\.$email == account.email).first()
            {
                client.bearer = try await APIToken.make(for: try user.requireID(), name: "Tabelle", scope: .readWrite, days: 1, now: Date(), on: app.db)
            }
            for row in Self.rows {
                let answer = role == nil ? row.answer : row.signedInAnswer ?? row.answer
                var cases = [(row.own(objects), Self.expected(for: role, allowed: row.allowed, answer: answer, api: row.isAPI))]
                if let foreign = row.foreign {
                    cases.append(
                        (
                            foreign(objects),
                            Self.expected(
                                for: role, allowed: row.foreignAllowed, answer: row.foreignAnswer ?? row.answer,
                                api: row.isAPI)
                        ))
                }
                for (path, expected) in cases {
                    if row.ownSession {
                        var own = Browser(app)
                        if let role { try await own.login(try #require(objects.fixture.accounts[role])) } else { try await own.get(SiteURL.login.path) }
                        #expect(Self.answer(try await own.post(path)) == expected, "\(row.method) \(path) as \(role?.rawValue ?? "anonymous")")
                        continue
                    }
                    // Forms are sent empty: an allowed role then meets validation, not a change.
                    let response =
                        row.isAPI && row.method != .GET
                        ? try await Self.call(row, path, with: &client)
                        : row.isAPI
                            ? try await client.get(path)
                            : row.method == .GET ? try await browser.get(path) : try await browser.post(path)
                    #expect(Self.answer(response) == expected, "\(row.method) \(path) as \(role?.rawValue ?? "anonymous")")
                }
            }
        }
    }

    @Test("every state-changing route refuses a form without the CSRF token from a role that may use it, and changes nothing")
    func everyPostNeedsCSRF() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            var browsers: [Role?: Browser] = [:]
            let before = try await (Unit.query(on: app.db).count(), Material.query(on: app.db).count(), Registration.query(on: app.db).count())
            for row in Self.rows where row.method == .POST && !row.isAPI {
                let role = [Role.participant, .facilitator, .lead, .partner, .admin].first { row.allowed.contains($0) } ?? nil
                if browsers[role] == nil {
                    var browser = Browser(app)
                    if let role { try await browser.login(try #require(objects.fixture.accounts[role])) } else { try await browser.get(SiteURL.login.path) }
                    browsers[role] = browser
                }
                let response = try await browsers[role]!.post(row.own(objects), [("title", "Ohne Token")], csrf: false)
                #expect(response.status == .forbidden, "\(row.key) as \(role?.rawValue ?? "anonymous")")
                #expect(response.text.contains("Das Formular ist abgelaufen"), "\(row.key): refused for the token, not the role")
            }
            let after = try await (Unit.query(on: app.db).count(), Material.query(on: app.db).count(), Registration.query(on: app.db).count())
            #expect(before == after)
        }
    }

    @Test("a participant gets a German 403 page on the admin area")
    func participantForbidden() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var browser = Browser(app)
            try await browser.login(try #require(fixture.accounts[.participant]))
            let response = try await browser.get(AdminURL.overview.path)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("<h1>Kein Zugriff</h1>"))
        }
    }

    @Test("a route registered without an access rule stops the start with its name")
    func missingRuleRefusesToStart() async throws {
        try await withApp { app, _ in
            app.get("ohne-regel") { _ in "offen" }
            #expect(throws: AccessRule.MissingRules.self) { try AccessRule.requireRules(on: app.routes) }
            do { try AccessRule.requireRules(on: app.routes) } catch { #expect("\(error)".contains("GET /ohne-regel")) }
        }
    }
}
