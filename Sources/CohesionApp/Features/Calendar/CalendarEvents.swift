import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The units of parts as calendar events, with the venue as location.
enum CalendarEvents {
    private struct Row: Decodable {
        let id: UUID; let title: String; let description: String; let objectives: String; let startsAt: Date; let endsAt: Date
        let room: String; let sequence: Int; let venueName: String; let address: String; let city: String
        let partNumber: Int; let partTitle: String; let delivery: String; let videoURL: String
    }

    private struct Facilitator: Decodable { let unitID: UUID; let name: String }

    /// The public feed: never a video room's address.
    static func forPart(_ partID: UUID, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        try await events(whereClause: SQLQueryString("p.id = \(bind: partID)"), videoRoomsAt: nil, on: db)
    }

    /// The units of every part the user is registered for (not waitlisted, not cancelled) and the
    /// units they give; online units carry the video room's address once its window is open at `now`.
    static func forPerson(_ userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        try await events(
            whereClause: SQLQueryString(
                """
                p.id IN (SELECT part_id FROM registrations WHERE user_id = \(bind: userID) AND status = \(bind: RegistrationStatus.registered))
                OR u.id IN (SELECT unit_id FROM unit_facilitators WHERE user_id = \(bind: userID))
                """), videoRoomsAt: now, on: db)
    }

    private static func events(whereClause: SQLQueryString, videoRoomsAt now: Date?, on db: any SQLDatabase) async throws -> [ICalendar.Event] {
        let rows = try await db.raw(
            """
            SELECT u.id, u.title, u.description, u.objectives, u.starts_at, u.ends_at, u.room, u.sequence,
                   u.delivery, u.video_url,
                   p.venue_name, p.address, p.city, p.number AS part_number, p.title AS part_title
            FROM units u JOIN parts p ON p.id = u.part_id WHERE \(whereClause) ORDER BY u.starts_at
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        let ids = rows.map(\.id)
        let facilitators =
            ids.isEmpty
            ? []
            : try await db.raw(
                """
                SELECT f.unit_id, us.name FROM unit_facilitators f JOIN users us ON us.id = f.user_id
                WHERE f.unit_id IN (\(binds: ids)) ORDER BY us.name
                """
            ).all(decoding: Facilitator.self, with: .snakeCaseColumns)
        let namesByUnit = Dictionary(grouping: facilitators, by: \.unitID).mapValues { $0.map(\.name) }
        return rows.map { row in
            let delivery = Delivery(stored: row.delivery) ?? .inPerson
            let location =
                delivery == .online
                ? "Online"
                : [row.room, row.venueName, row.address, row.city].filter { !$0.isEmpty }.joined(separator: ", ")
                    + (delivery == .hybrid ? " und online" : "")
            var description = ["Teil \(row.partNumber): \(row.partTitle)"]
            if delivery.hasVideo, let now {
                description += VideoRooms.calendarLines(VideoRooms.access(row.videoURL, start: row.startsAt, end: row.endsAt, now: now))
            }
            if !row.description.isEmpty { description.append(row.description) }
            if !row.objectives.isEmpty { description.append("Ziele: " + row.objectives) }
            if let names = namesByUnit[row.id], !names.isEmpty { description.append("Mit " + names.joined(separator: ", ")) }
            return ICalendar.Event(
                uid: row.id.uuidString.lowercased() + "@cohesion", sequence: row.sequence, start: row.startsAt,
                end: row.endsAt, summary: row.title, location: location,
                description: description.joined(separator: "\n"), lastModified: nil)
        }
    }
}
