import CohesionCore
import CohesionPlatform
import Vapor

/// What a person is told by mail about the boards and the lunch meetings, and the daily digest.
enum NotificationsFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.own("exchange_visits")]
    static let notices = [Notice.notificationsSaved]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let notifications = NotificationsController()
        let signedIn = AccessRule.roles([.participant, .facilitator, .lead, .admin], "alle Angemeldeten außer Partnern, nur die eigene Auswahl")
        routes.get(SiteURL.notificationChoices, signedIn, use: notifications.form)
        routes.post(SiteURL.notificationChoices, signedIn, use: notifications.save)
    }

    /// Every instance looks every five minutes; the morning's round is claimed by one of them.
    static var workers: [PeriodicWorker] {
        [
            PeriodicWorker(interval: .seconds(300), atStart: true) { app in
                do {
                    let now = app.cohesion.clock.now()
                    let sent = try await Digest.runIfDue(now: now, baseURL: { [config = app.cohesion.config] in config.absoluteURL($0) }, on: app.db)
                    if sent > 0 {
                        app.logger.info("digest", metadata: ["sent": "\(sent)"])
                        await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: now)
                    }
                } catch {
                    app.logger.error("digest failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
        ]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "notification_choices", data: "Ihre Wahl der E-Mails je Forum und für die Mittagsrunden",
            purpose: "E-Mails nur so, wie Sie sie wollen", kept: PersonalData.untilErased, links: [.owner]),
        PersonalData(
            table: "exchange_visits", data: "wann Sie ein Forum oder die Mittagsrunden zuletzt geöffnet haben",
            purpose: "nur Neues zeigen und mailen", kept: PersonalData.untilErased, links: [.owner]),
        PersonalData(
            table: "digest_states", data: "bis wann Ihre tägliche Zusammenfassung alles enthalten hat",
            purpose: "nichts doppelt mailen", kept: PersonalData.untilErased, links: [.owner]),
    ]
}
