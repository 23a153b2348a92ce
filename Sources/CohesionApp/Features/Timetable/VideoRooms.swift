import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The video rooms of online and hybrid units, for those who may enter them: the people registered
/// for the part and the unit's facilitators. Nobody else learns an address, and they only from
/// half an hour before the start (`VideoWindow`).
enum VideoRooms {
    enum Access: Equatable, Sendable {
        case open(url: String)
        case opensAt(Date)
        case addressToFollow
        /// Over: nothing to show any more.
        case ended
    }

    private struct Row: Decodable { let id: UUID; let startsAt: Date; let endsAt: Date; let videoURL: String }

    /// The online and hybrid units of the part this person may join, and what they see of each now.
    static func forPart(_ partID: UUID, userID: UUID, now: Date, on db: any SQLDatabase) async throws -> [UUID: Access] {
        let rows = try await db.raw(
            """
            SELECT u.id, u.starts_at, u.ends_at, u.video_url FROM units u
            WHERE u.part_id = \(bind: partID) AND u.delivery <> \(bind: Delivery.inPerson.rawValue)
              AND (EXISTS (SELECT 1 FROM registrations r WHERE r.part_id = u.part_id AND r.user_id = \(bind: userID)
                           AND r.status = \(bind: RegistrationStatus.registered))
                   OR EXISTS (SELECT 1 FROM unit_facilitators f WHERE f.unit_id = u.id AND f.user_id = \(bind: userID)))
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, access($0.videoURL, start: $0.startsAt, end: $0.endsAt, now: now)) })
    }

    static func access(_ url: String, start: Date, end: Date, now: Date) -> Access {
        if now > end { return .ended }
        if url.isEmpty { return .addressToFollow }
        return VideoWindow.isOpen(start: start, end: end, now: now) ? .open(url: url) : .opensAt(start.addingTimeInterval(-VideoWindow.lead))
    }

    /// The lines a calendar event carries: the address only once the window is open.
    static func calendarLines(_ access: Access) -> [String] {
        switch access {
        case .open(let url): ["Videoraum: " + url]
        case .opensAt: ["Der Link zum Videoraum erscheint hier 30 Minuten vor Beginn."]
        case .addressToFollow: ["Der Link zum Videoraum wird noch bekannt gegeben."]
        case .ended: []
        }
    }

    static func view(_ access: Access) -> HTML {
        switch access {
        case .open(let url):
            .p(.class("video-room")) {
                HTML.a(.href(url), .class("button"), .rel("noopener noreferrer")) { "Zum Videoraum" }
                " "
                HTML.span(.class("muted")) { url }
            }
        case .opensAt(let time):
            .p(.class("video-room muted")) {
                "Der Link zum Videoraum erscheint hier ab " + BerlinTime.clock(time) + " Uhr am "
                    + BerlinTime.longDate(BerlinTime.day(of: time)) + "."
            }
        case .addressToFollow:
            .p(.class("video-room muted")) { "Der Link zum Videoraum wird noch bekannt gegeben." }
        case .ended:
            .empty
        }
    }
}
