import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// The meetings of the series a person registered for, in their private calendar feed, and the
/// reminder a day before each.
enum LunchCalendar {
    private struct Row: Decodable {
        let id: UUID; let title: String; let description: String; let startsAt: Date; let endsAt: Date; let videoUrl: String; let hostId: UUID
        let hostName: String
    }

    static func events(for userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        let rows = try await db.raw(
            """
            SELECT m.id, s.title, s.description, m.starts_at, m.ends_at, s.video_url, s.host_id, u.name AS host_name
            FROM lunch_meetings m JOIN lunch_series s ON s.id = m.series_id JOIN users u ON u.id = s.host_id
            WHERE (s.id IN (SELECT series_id FROM lunch_registrations WHERE user_id = \(bind: userID)) OR s.host_id = \(bind: userID))
              AND m.ends_at > \(bind: now.addingTimeInterval(-90 * 86_400))
            ORDER BY m.starts_at
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        return rows.map { row in
            var description = ["Mittagsrunde, Moderation: \(row.hostName)"]
            description += VideoRooms.calendarLines(VideoRooms.access(row.videoUrl, start: row.startsAt, end: row.endsAt, now: now))
            return ICalendar.Event(
                uid: row.id.uuidString.lowercased() + "@cohesion-mittagsrunde", sequence: 0, start: row.startsAt, end: row.endsAt,
                summary: row.title, location: "Online", description: description.joined(separator: "\n"), lastModified: nil)
        }
    }
}

/// A day before each meeting its registered people get a reminder with the agenda so far. The
/// meeting's `reminder_sent_at` is the claim: the instance whose update sets it sends, no other.
enum LunchReminders {
    static let ahead: TimeInterval = 24 * 3600

    private struct Due: Decodable { let id: UUID; let title: String; let startsAt: Date; let endsAt: Date; let agendaFreezesAt: Date }
    private struct Person: Decodable { let name: String; let email: String }
    private struct Claimed: Decodable { let id: UUID }

    static func make() -> PeriodicWorker {
        PeriodicWorker(interval: .seconds(300), atStart: true) { app in
            do {
                let sent = try await sendDue(now: app.cohesion.clock.now(), baseURL: { app.cohesion.config.absoluteURL($0) }, on: app.db)
                if sent > 0 { await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: app.cohesion.clock.now()) }
            } catch {
                app.logger.error("lunch reminders failed", metadata: ["error": "\(String(reflecting: error))"])
            }
        }
    }

    /// Sends the reminders due at `now`; returns how many meetings this call reminded of.
    @discardableResult
    static func sendDue(now: Date, baseURL: @escaping @Sendable (String) -> String, on database: any Database) async throws -> Int {
        guard let sql = database as? any SQLDatabase else { return 0 }
        let due = try await sql.raw(
            """
            SELECT m.id, s.title, m.starts_at, m.ends_at, m.agenda_freezes_at FROM lunch_meetings m JOIN lunch_series s ON s.id = m.series_id
            WHERE m.reminder_sent_at IS NULL AND m.starts_at > \(bind: now) AND m.starts_at <= \(bind: now.addingTimeInterval(ahead))
            """
        ).all(decoding: Due.self, with: .snakeCaseColumns)
        var sent = 0
        for meeting in due {
            let claimed = try await database.transaction { db -> Bool in
                guard let sql = db as? any SQLDatabase else { return false }
                let rows = try await sql.raw(
                    """
                    UPDATE lunch_meetings SET reminder_sent_at = \(bind: now) WHERE id = \(bind: meeting.id) AND reminder_sent_at IS NULL RETURNING id
                    """
                ).all(decoding: Claimed.self)
                guard !rows.isEmpty else { return false }
                let people = try await sql.raw(
                    """
                    SELECT u.name, u.email FROM lunch_registrations r JOIN lunch_meetings m ON m.series_id = r.series_id JOIN users u ON u.id = r.user_id
                    WHERE m.id = \(bind: meeting.id) AND u.erased_at IS NULL AND u.locked_at IS NULL ORDER BY u.name
                    """
                ).all(decoding: Person.self, with: .snakeCaseColumns)
                let agenda = try await LunchDigestSource.agenda(of: meeting.id, on: sql)
                let link = baseURL(SiteURL.lunchMeeting(.value(meeting.id)).path)
                for person in people {
                    try await Mailer.enqueue(
                        to: person.email, subject: "Cohesion: Mittagsrunde „\(meeting.title)“ am \(BerlinTime.dateTime(meeting.startsAt))",
                        body: """
                            Guten Tag \(person.name),

                            morgen ist Mittagsrunde: „\(meeting.title)“, \(BerlinTime.weekdayDate(BerlinTime.day(of: meeting.startsAt))), \(BerlinTime.timeRange(meeting.startsAt, meeting.endsAt)), online.

                            \(agenda.isEmpty ? "Noch hat niemand ein Thema vorgeschlagen." : "Themen bisher (nach Stimmen):\n" + agenda.joined(separator: "\n"))

                            \(now < meeting.agendaFreezesAt ? "Abstimmen und Themen vorschlagen können Sie bis \(BerlinTime.dateTime(meeting.agendaFreezesAt)). " : "")Den Link zum Videoraum finden Sie ab 30 Minuten vor Beginn auf der Seite des Treffens und in Ihrem persönlichen Kalender:
                            \(link)

                            Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
                            """, on: db)
                }
                return true
            }
            if claimed { sent += 1 }
        }
        return sent
    }
}
