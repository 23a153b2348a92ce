import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// Calendar feeds: one public per part, one private per participant (secret token in the URL).
struct CalendarController {
    func part(req: Request) async throws -> Response {
        guard let part = try await Part.find(try req.parameters.require(.part), on: req.db) else { throw AppError.notFound }
        let events = try await CalendarEvents.forPart(try part.requireID(), on: req.sql)
        return Self.calendar(
            ICalendar.render(name: "Teil \(part.number): \(part.title)", events: events, now: req.now),
            fileName: "teil-\(part.number).ics")
    }

    func personal(req: Request) async throws -> Response {
        guard let file = req.parameters.get("file"), file.hasSuffix(".ics"),
            let feed = try await CalendarFeed.query(on: req.db).filter(\.$token == String(file.dropLast(4))).first()
        else {
            throw AppError.notFound
        }
        let events =
            try await CalendarEvents.forPerson(feed.$user.id, now: req.now, on: req.sql)
            + req.features.calendarEvents(for: feed.$user.id, now: req.now, on: req.sql)
        return Self.calendar(ICalendar.render(name: "Mein Fortbildungsprogramm", events: events, now: req.now), fileName: "mein-programm.ics")
    }

    func renew(req: Request) async throws -> Response {
        let user = try req.requireUser()
        _ = try await Self.feed(for: user.id, renew: true, on: req)
        return req.redirect(to: Notice.calendarRenewed.appended(to: SiteURL.myProgramme.path))
    }

    /// The user's feed, created on first need; `renew` replaces the token so old links stop working.
    static func feed(for userID: UUID, renew: Bool = false, on req: Request) async throws -> CalendarFeed {
        if let existing = try await CalendarFeed.query(on: req.db).filter(\.$user.$id == userID).first() {
            guard renew else { return existing }
            existing.token = req.cohesion.secrets.make()
            try await existing.save(on: req.db)
            return existing
        }
        let feed = CalendarFeed(userID: userID, token: req.cohesion.secrets.make())
        try await feed.create(on: req.db)
        return feed
    }

    private static func calendar(_ text: String, fileName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/calendar; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(string: text))
    }
}
