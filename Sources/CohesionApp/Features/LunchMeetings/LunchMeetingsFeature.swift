import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// Open lunch meetings between the parts: a series per programme, each meeting with an agenda the
/// registered people vote on, a video room for them, and notes afterwards.
enum LunchMeetingsFeature: Feature {
    static let audit = AuditAction("lunch", "Mittagsrunden")
    static let auditAreas = [audit]
    static let notices = [
        Notice.lunchSeriesSaved, .lunchRegistered, .lunchUnregistered, .lunchMeetingSaved, .lunchItemSaved, .lunchVoteCounted, .lunchVoteWithdrawn,
        .lunchItemAnswered, .lunchNotesPublished,
    ]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .administration = page, user.role.canEditStructure else { return [] }
        return [PageLink(order: 80, label: "Mittagsrunden", path: SiteURL.lunchSeries.path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let lunch = LunchController()
        let signedIn = AccessRule.roles([.participant, .facilitator, .lead, .admin], "alle Angemeldeten außer Partnern; sie sehen die Reihen ihrer Programme")
        routes.get(SiteURL.lunchSeries, signedIn, use: lunch.list)
        routes.post(SiteURL.lunchSeries, .leadArea, use: lunch.createSeries)
        routes.post(SiteURL.lunchRegistration(.key), LunchAudience.seriesRule, use: lunch.register)
        routes.post(SiteURL.lunchNewMeeting(.key), LunchAudience.seriesHost, use: lunch.addMeeting)
        routes.get(SiteURL.lunchMeeting(.key), LunchAudience.meetingRule, use: lunch.show)
        routes.post(SiteURL.lunchItems(.key), LunchAudience.meetingRule, use: lunch.addItem)
        routes.post(SiteURL.lunchVote(.key, .key), LunchAudience.meetingRule, use: lunch.vote)
        routes.post(SiteURL.lunchAnswered(.key, .key), LunchAudience.meetingHost, use: lunch.markAnswered)
        routes.post(SiteURL.lunchNotes(.key), LunchAudience.meetingHost, use: lunch.publishNotes)
    }

    static func calendarEvents(for userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        try await LunchCalendar.events(for: userID, now: now, on: db)
    }

    static var workers: [PeriodicWorker] { [LunchReminders.make()] }

    static let stylesheet = """
        .agenda { list-style: none; padding: 0; margin: 0; border-top: 1px solid var(--line); }
        .agenda__item { display: grid; grid-template-columns: 7rem 1fr; gap: 1rem; padding: 0.75rem 0; border-bottom: 1px solid var(--line); }
        .agenda__votes { font-weight: 700; font-variant-numeric: tabular-nums; }
        .agenda__text { margin: 0 0 0.25rem; overflow-wrap: anywhere; }
        .video-room { margin: 0.5rem 0; overflow-wrap: anywhere; }
        @media (max-width: 40rem) { .agenda__item { grid-template-columns: 1fr; gap: 0.25rem; } }
        """

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "lunch_series", data: "wer eine Reihe von Mittagsrunden moderiert", purpose: "Moderation und Ansprechperson",
            kept: "solange die Reihe besteht", links: [.account("host_id", .keep(clearing: []))]),
        PersonalData(
            table: "lunch_registrations", data: "Ihre Anmeldung zu einer Reihe von Mittagsrunden", purpose: "Erinnerungen, Kalender, Abstimmen",
            kept: "bis Sie sich abmelden", links: [.owner]),
        PersonalData(
            table: "lunch_items", data: "Themen und Fragen, die Sie für eine Mittagsrunde vorgeschlagen haben", purpose: "die Tagesordnung",
            kept: "solange die Reihe besteht; nach dem Löschen des Kontos unter „gelöschtes Konto“",
            links: [.account("author_id", .keep(clearing: []))]),
        PersonalData(
            table: "lunch_votes", data: "für welche Themen Sie gestimmt haben",
            purpose: "die Tagesordnung nach Stimmen; jede Person nur so oft, wie sie Stimmen hat",
            kept: "solange die Reihe besteht", links: [.owner]),
    ]
}
