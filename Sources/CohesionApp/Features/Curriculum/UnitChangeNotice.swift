import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Tells the people registered for a part when one of its units moves: another time, another room,
/// or online instead of in the room. Written to the outbox in the same transaction as the change.
enum UnitChangeNotice {
    /// What of a unit a registered person plans around.
    struct Schedule: Equatable {
        let title: String
        let startsAt: Date
        let endsAt: Date
        let room: String
        let delivery: Delivery

        init(_ unit: Unit) {
            title = unit.title
            startsAt = unit.startsAt
            endsAt = unit.endsAt
            room = unit.room
            delivery = Delivery(stored: unit.delivery) ?? .inPerson
        }
    }

    private struct Recipient: Decodable { let name: String; let email: String }

    static func tellRegistered(before: Schedule, after: Schedule, partID: UUID, on db: any Database) async throws {
        guard before != after, let sql = db as? any SQLDatabase,
            let part = try await Part.find(partID, on: db)
        else { return }
        let recipients = try await sql.raw(
            """
            SELECT u.name, u.email FROM registrations r JOIN users u ON u.id = r.user_id
            WHERE r.part_id = \(bind: partID) AND r.status = \(bind: RegistrationStatus.registered) ORDER BY u.name
            """
        ).all(decoding: Recipient.self, with: .snakeCaseColumns)
        for recipient in recipients {
            try await Mailer.enqueue(
                to: recipient.email, subject: "Cohesion: Änderung in Teil \(part.number) – \(after.title)",
                body: text(name: recipient.name, part: part, before: before, after: after), on: db)
        }
    }

    static func text(name: String, part: Part, before: Schedule, after: Schedule) -> String {
        var changes: [String] = []
        if before.startsAt != after.startsAt || before.endsAt != after.endsAt {
            changes.append("Zeit: jetzt \(when(after)) (bisher \(when(before)))")
        }
        if before.delivery != after.delivery {
            changes.append("Durchführung: jetzt \(after.delivery.label) (bisher \(before.delivery.label))")
        }
        if before.room != after.room, after.delivery != .online {
            changes.append("Raum: jetzt \(after.room.isEmpty ? "noch offen" : after.room)" + (before.room.isEmpty ? "" : " (bisher \(before.room))"))
        }
        if before.title != after.title { changes.append("Titel: jetzt „\(after.title)“ (bisher „\(before.title)“)") }
        let video =
            after.delivery.hasVideo
            ? "\nDen Link zum Videoraum finden Sie ab 30 Minuten vor Beginn auf der Seite des Teils und in Ihrem persönlichen Kalender.\n"
            : ""
        return """
            Guten Tag \(name),

            in Teil \(part.number) „\(part.title)“ (\(part.dates)) hat sich die Einheit „\(after.title)“ geändert:

            \(changes.map { "- " + $0 }.joined(separator: "\n"))
            \(video)
            Ihr persönlicher Kalender zeigt die Änderung beim nächsten Abgleich.

            Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
            """
    }

    private static func when(_ schedule: Schedule) -> String {
        BerlinTime.weekdayDate(BerlinTime.day(of: schedule.startsAt)) + ", " + BerlinTime.timeRange(schedule.startsAt, schedule.endsAt)
    }
}
