import CohesionCore
import CohesionPlatform
import Vapor

/// Calendar feeds: a public one per part, a private one per participant.
enum CalendarFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.own("calendar_feeds")]
    static let notices = [Notice.calendarRenewed]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let calendars = CalendarController()
        routes.get(SiteURL.partCalendar(.key), .everyone("öffentlich"), use: calendars.part)
        routes.get(SiteURL.personalCalendar(.key), .everyone("wer die geheime Kalender-Adresse hat"), use: calendars.personal)
        routes.post(
            SiteURL.renewCalendar, .roles([.participant, .facilitator], "Teilnehmer*innen und Referent*innen, nur der eigene Kalender"), use: calendars.renew)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant || user.role == .facilitator else { return [] }
        let feed = try await CalendarController.feed(for: user.id, on: req)
        let url = req.cohesion.config.absoluteURL(SiteURL.personalCalendar(.value(feed.token + ".ics")).path)
        return [MyProgrammeSection(position: .calendar, content: CalendarViews.myProgrammeCard(url, visitor: req.visitor))]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "calendar_feeds", data: "geheime Adresse des persönlichen Kalenders",
            purpose: "Termine der eigenen Teile im Kalenderprogramm", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}

extension Notice {
    static let calendarRenewed = Notice("kalender-erneuert", "Ihr Kalender hat einen neuen Link. Der alte Link funktioniert nicht mehr.")
}
