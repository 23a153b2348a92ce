import CohesionCore
import CohesionPlatform
import Vapor

/// Mein Programm: the personal hub, assembled from the sections each feature contributes.
enum MyProgrammeFeature: Feature {
    static func landingPage(for role: Role) -> String? { [.participant, .facilitator].contains(role) ? SiteURL.myProgramme.path : nil }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        routes.get(
            SiteURL.myProgramme, .roles(Set(Role.allCases.filter(\.hasPersonalProgramme)), "wer ein eigenes Programm hat; nur das eigene"),
            use: show)
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        guard user?.role.hasPersonalProgramme == true else { return nil }
        return NavigationEntry(label: "Mein Programm", path: SiteURL.myProgramme.path, section: .myProgramme)
    }

    /// Its own sections: the units a facilitator gives, and the parts.
    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        let model = try await MyProgramme.query(for: user, on: req.sql)
        var sections = [MyProgrammeSection(position: .parts, content: MyProgrammeView.parts(model, user: user, today: BerlinTime.day(of: req.now)))]
        if !model.ownUnits.isEmpty {
            sections.append(MyProgrammeSection(position: .teaching, content: MyProgrammeView.teaching(model.ownUnits, user: user)))
        }
        return sections
    }

    /// The sections are kept rendered per session and day (they hold the session's form token and
    /// what is due today) until a row they read changes (`PersonalPageCache`); the frame around
    /// them is drawn for each request.
    @Sendable static func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let today = BerlinTime.day(of: req.now)
        let key = "mein-programm|\(req.visitor.sessionID?.uuidString ?? "")|\(req.visitor.csrfToken ?? "")|\(today.iso)"
        let sections = try await req.cohesion.personalPages.value(key, userID: user.id, known: req.visitor.personalRevision, on: req.sql) {
            var sections: [MyProgrammeSection] = []
            for feature in req.features.all { sections += try await feature.myProgrammeSections(for: user, request: req) }
            return MyProgrammeView.sections(sections).render(capacity: 8_192)
        }
        return .html(MyProgrammeView.render(.rendered(sections), user: user, frame: req.frame("Mein Programm", section: .myProgramme)))
    }
}
