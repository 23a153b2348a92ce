import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import CohesionApp
import CohesionCore

/// Every route against every role (and anonymous visitors): the answer each may expect.
@Suite("Who may open what", .serialized)
struct AccessTableTests {
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

    struct Route: CustomStringConvertible, Sendable {
        let method: HTTPMethod
        let path: @Sendable (Fixture) -> String
        let allowed: Set<Role?>
        let answerWhenAllowed: Answer

        var description: String { "\(method)" }
    }

    static let everyone: Set<Role?> = Set(Role.allCases.map(Optional.some) + [nil])
    static let personal: Set<Role?> = [.lead, .facilitator, .participant]
    static let structure: Set<Role?> = [.lead, .admin]

    /// Deletions come last, children before parents, so each still finds what it deletes.
    static let routes: [Route] = [
        Route(method: .GET, path: { _ in "/" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.part(.value($0.partID)).path }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in "/healthz" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in "/api/v1/programmes" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { "/api/v1/parts/\($0.partID)" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in "/api/v1/openapi.json" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.forgotPassword.path }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.setPassword(.value("unbekannt")).path }, allowed: everyone, answerWhenAllowed: .status(.gone)),
        Route(method: .GET, path: { _ in SiteURL.regions.path + "?suche=konstanz" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.region(.value("08335043")).path }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in "/api/v1/regions/08335" }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.myProgramme.path }, allowed: personal, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.partCalendar(.value($0.partID)).path }, allowed: everyone, answerWhenAllowed: .status(.ok)),
        // Without the secret token nobody gets a private feed.
        Route(method: .GET, path: { _ in SiteURL.personalCalendar(.value("geraten.ics")).path }, allowed: everyone,
              answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in SiteURL.renewCalendar.path }, allowed: [.participant], answerWhenAllowed: .redirectElsewhere),
        Route(method: .GET, path: { _ in SiteURL.profile.path }, allowed: [.participant], answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { _ in SiteURL.profile.path }, allowed: [.participant], answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .GET, path: { SiteURL.registration(.value($0.partID)).path }, allowed: [.participant], answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { SiteURL.registration(.value($0.partID)).path }, allowed: [.participant],
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .POST, path: { SiteURL.cancellation(.value($0.partID)).path }, allowed: [.participant], answerWhenAllowed: .redirectElsewhere),
        Route(method: .GET, path: { SiteURL.attendance(.value($0.unitID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { SiteURL.attendance(.value($0.unitID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .redirectElsewhere),
        Route(method: .GET, path: { SiteURL.signInList(.value($0.unitID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.unitMaterial(.value($0.unitID)).path }, allowed: [.lead, .admin, .facilitator, .participant],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.partMaterial(.value($0.partID)).path }, allowed: [.lead, .admin, .facilitator, .participant],
              answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { SiteURL.unitMaterial(.value($0.unitID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .GET, path: { _ in AdminURL.overview.path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.assessments.path }, allowed: [.participant], answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.projects.path }, allowed: [.participant], answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { _ in SiteURL.project(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in SiteURL.assessment(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in SiteURL.survey(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { _ in SiteURL.material(.value(UUID())).path }, allowed: Set(Role.allCases.map(Optional.some)),
              answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in AdminURL.surveyQuestions(.value(UUID())).path }, allowed: structure, answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in AdminURL.surveyInvite(.value(UUID())).path }, allowed: structure, answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { _ in SiteURL.survey(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { _ in SiteURL.surveyReport(.value(UUID())).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { AdminURL.surveys(.value($0.partID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { AdminURL.surveys(.value($0.partID)).path }, allowed: structure, answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .GET, path: { _ in AdminURL.survey(.value(UUID())).path }, allowed: structure, answerWhenAllowed: .status(.notFound)),
        Route(method: .POST, path: { _ in SiteURL.projects.path }, allowed: [.participant], answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .GET, path: { _ in SiteURL.project(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { AdminURL.cohortProjects(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.assessment(.value(UUID())).path }, allowed: [.participant], answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { AdminURL.phases(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { AdminURL.phases(.value($0.editionID)).path }, allowed: structure,
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .POST, path: { _ in AdminURL.togglePhase(.value(UUID())).path }, allowed: structure, answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { SiteURL.needs(.value($0.editionID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.change(.value($0.editionID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.feedbackOverview(.value($0.editionID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.partFeedback(.value($0.partID)).path }, allowed: [.lead, .admin, .facilitator],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.facilitatorFeedback(.value($0.editionID), .value($0.facilitatorID)).path },
              allowed: [.lead, .admin, .facilitator], answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in SiteURL.reports.path }, allowed: [.partner, .lead, .admin], answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.partnerReport(.value($0.editionID)).path }, allowed: [.partner, .lead, .admin],
              answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.aggregatesExport(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { SiteURL.researchExport(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in AdminURL.participants.path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { _ in AdminURL.participantExport.path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { AdminURL.invitations(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { AdminURL.invitations(.value($0.editionID)).path }, allowed: structure,
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .POST, path: { AdminURL.invitationUpload(.value($0.editionID)).path }, allowed: structure,
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .POST, path: { _ in AdminURL.resendInvitation(.value(UUID())).path }, allowed: structure,
              answerWhenAllowed: .status(.notFound)),
        Route(method: .GET, path: { _ in SiteURL.invitation(.value("unbekannt")).path }, allowed: everyone, answerWhenAllowed: .status(.gone)),
        Route(method: .GET, path: { AdminURL.profile(.value($0.participantID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { AdminURL.profile(.value($0.participantID)).path }, allowed: structure,
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .GET, path: { AdminURL.registrations(.value($0.partID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .POST, path: { AdminURL.registrations(.value($0.partID)).path }, allowed: structure,
              answerWhenAllowed: .status(.unprocessableEntity)),
        Route(method: .POST, path: { AdminURL.cancelRegistration(.value($0.registrationID ?? UUID())).path }, allowed: structure,
              answerWhenAllowed: .redirectElsewhere),
        Route(method: .GET, path: { AdminURL.edition(.value($0.editionID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
        Route(method: .GET, path: { AdminURL.part(.value($0.partID)).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
    ] + adminResourceRoutes

    static let adminResourceRoutes: [Route] = {
        let kinds: [(AdminResourceKind, @Sendable (Fixture) -> UUID, @Sendable (Fixture) -> UUID?)] = [
            (.programme, \.programmeID, { _ in nil }),
            (.edition, \.editionID, \.programmeID),
            (.module, \.moduleID, \.programmeID),
            (.competenceArea, \.areaID, \.programmeID),
            (.part, \.partID, \.editionID),
            (.unit, \.unitID, \.partID),
        ]
        var routes: [Route] = []
        for (kind, id, parent) in kinds {
            routes += [
                Route(method: .GET, path: { AdminURL.new(kind, parent: parent($0).map { .value($0) }).path },
                      allowed: structure, answerWhenAllowed: .status(.ok)),
                Route(method: .POST, path: { AdminURL.create(kind, parent: parent($0).map { .value($0) }).path },
                      allowed: structure, answerWhenAllowed: .status(.unprocessableEntity)),
                Route(method: .GET, path: { AdminURL.edit(kind, .value(id($0))).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
                Route(method: .POST, path: { AdminURL.edit(kind, .value(id($0))).path },
                      allowed: structure, answerWhenAllowed: .status(.unprocessableEntity)),
                Route(method: .GET, path: { AdminURL.delete(kind, .value(id($0))).path }, allowed: structure, answerWhenAllowed: .status(.ok)),
            ]
        }
        for (kind, id, _) in kinds.reversed() {
            routes.append(Route(method: .POST, path: { AdminURL.delete(kind, .value(id($0))).path },
                                allowed: structure, answerWhenAllowed: .redirectElsewhere))
        }
        return routes
    }()

    static func answer(_ response: TestingHTTPResponse) -> Answer {
        if response.status == .seeOther || response.status == .found {
            return (response.location ?? "").hasPrefix(SiteURL.login.path) ? .toLogin : .redirectElsewhere
        }
        return response.status == .forbidden ? .forbidden : .status(response.status)
    }

    @Test("each role gets exactly the answer the table gives", arguments: [Role?.none] + Role.allCases.map(Optional.some))
    func table(role: Role?) async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app, withRegistration: true)
            var browser = Browser(app)
            if let role { try await browser.login(try #require(fixture.accounts[role])) } else { try await browser.get(SiteURL.login.path) }
            for route in Self.routes {
                let path = route.path(fixture)
                // Forms are sent empty: an allowed role then meets validation, not a change.
                let response = route.method == .GET ? try await browser.get(path) : try await browser.post(path)
                let expected: Answer = route.allowed.contains(role) ? route.answerWhenAllowed : (role == nil ? .toLogin : .forbidden)
                #expect(Self.answer(response) == expected, "\(route.method) \(path) as \(role?.rawValue ?? "anonymous")")
            }
        }
    }

    @Test("every state-changing route refuses a form without the CSRF token, even for the lead, and changes nothing")
    func everyPostNeedsCSRF() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let before = try await Unit.query(on: app.db).count()
            for route in Self.routes where route.method == .POST {
                let response = try await lead.post(route.path(fixture), [("title", "Ohne Token")], csrf: false)
                #expect(response.status == .forbidden, "POST \(route.path(fixture))")
            }
            #expect(try await lead.post(SiteURL.logout.path, csrf: false).status == .forbidden)
            #expect(try await Unit.query(on: app.db).count() == before)
            #expect(try await Programme.query(on: app.db).count() == 1)
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
}
