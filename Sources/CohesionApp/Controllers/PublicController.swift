import Vapor
import CohesionCore

/// The pages everyone may read, and the personal programme page.
struct PublicController {
    func home(req: Request) async throws -> Response {
        let model = try await ProgrammeOverview.query(on: req.sql)
        return .html(HomeView.render(model, frame: req.frame("Programm", section: .programme)))
    }

    func part(req: Request) async throws -> Response {
        guard let model = try await PartPage.query(partID: try req.uuid("partID"), on: req.sql) else { throw Abort(.notFound) }
        return .html(PartView.render(model, frame: req.frame("Teil \(model.part.number): \(model.part.title)", section: .programme)))
    }

    func regions(req: Request) async throws -> Response {
        let text = String((try? req.query.get(String.self, at: "suche"))?.prefix(100) ?? "")
        let model = try await RegionSearch.query(text, on: req.sql)
        return .html(RegionViews.search(model, frame: req.frame("Kommunen", section: .regions)))
    }

    func region(req: Request) async throws -> Response {
        guard let key = req.parameters.get("key"), let model = try await RegionPage.query(key: key, on: req.sql) else {
            throw Abort(.notFound)
        }
        return .html(RegionViews.page(model, frame: req.frame(model.name, section: .regions)))
    }

    func myProgramme(req: Request) async throws -> Response {
        guard let user = req.user else { throw Abort(.unauthorized) }
        let model = try await MyProgramme.query(for: user, on: req.sql)
        var calendarURL: String?
        var attendance: OwnAttendance?
        var openSurveys: [SurveyAccess.Info] = []
        if user.role == .participant {
            openSurveys = try await SurveyAccess.openFor(user.id, today: BerlinTime.day(of: req.now), on: req.sql)
            attendance = try await OwnAttendance.query(userID: user.id, on: req.sql)
            let feed = try await CalendarController.feed(for: user.id, on: req)
            calendarURL = req.cohesion.config.absoluteURL(SiteURL.personalCalendar(.value(feed.token + ".ics")).path)
        }
        return .html(MyProgrammeView.render(model, user: user, calendarURL: calendarURL, attendance: attendance, openSurveys: openSurveys,
                                            frame: req.frame("Mein Programm", section: .myProgramme)))
    }

    func healthz(req: Request) async throws -> Response {
        struct Health: Content { let status: String; let database: String }
        do {
            _ = try await req.sql.raw("SELECT 1 AS ok").first()
            return try await Health(status: "ok", database: "ok").encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed", metadata: ["error": "\(error)"])
            let response = try await Health(status: "error", database: "nicht erreichbar").encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }

    func stylesheet(req: Request) -> Response { Self.asset(Stylesheet.css, type: HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"])) }
    func script(req: Request) -> Response { Self.asset(Script.js, type: HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])) }

    /// Assets have their content's fingerprint in the URL, so they can be cached for good.
    private static func asset(_ text: String, type: HTTPMediaType) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = type
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
