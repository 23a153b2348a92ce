import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit
import Vapor

/// Who the lunch meetings of a programme are for: participants and alumni of any of its editions,
/// the facilitators who teach in it, the series' host and the lead. Partners are not among them.
enum LunchAudience {
    private struct SeriesRow: Decodable { let programmeId: UUID; let hostId: UUID }

    static func includes(_ user: CurrentUser, programmeID: UUID, hostID: UUID?, on db: any SQLDatabase) async throws -> Bool {
        if user.id == hostID { return true }
        switch user.role {
        case .lead, .admin:
            return true
        case .participant:
            return try await db.raw(
                """
                SELECT m.user_id FROM edition_members m JOIN editions e ON e.id = m.edition_id
                WHERE m.user_id = \(bind: user.id) AND e.programme_id = \(bind: programmeID)
                """
            ).first() != nil
        case .facilitator:
            return try await db.raw(
                """
                SELECT f.user_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id JOIN parts p ON p.id = u.part_id
                JOIN editions e ON e.id = p.edition_id WHERE f.user_id = \(bind: user.id) AND e.programme_id = \(bind: programmeID)
                """
            ).first() != nil
        case .partner:
            return false
        }
    }

    static func series(_ id: UUID, on db: any SQLDatabase) async throws -> (programmeID: UUID, hostID: UUID)? {
        try await db.raw("SELECT programme_id, host_id FROM lunch_series WHERE id = \(bind: id)")
            .first(decoding: SeriesRow.self, with: .snakeCaseColumns).map { ($0.programmeId, $0.hostId) }
    }

    static func seriesOfMeeting(_ id: UUID, on db: any SQLDatabase) async throws -> (programmeID: UUID, hostID: UUID)? {
        try await db.raw(
            "SELECT s.programme_id, s.host_id FROM lunch_meetings m JOIN lunch_series s ON s.id = m.series_id WHERE m.id = \(bind: id)"
        ).first(decoding: SeriesRow.self, with: .snakeCaseColumns).map { ($0.programmeId, $0.hostId) }
    }

    static let roles: Set<Role> = [.participant, .facilitator, .lead, .admin]

    /// A series the route names (`:series`), for its audience.
    static let seriesRule = AccessRule.roles(roles, "Teilnehmer*innen und Ehemalige, Referent*innen und Programmleitung des Programms") {
        req, user in
        guard let series = try await series(req.parameters.require(.series).rawValue, on: req.sql) else { throw AppError.notFound }
        return try await includes(user, programmeID: series.programmeID, hostID: series.hostID, on: req.sql)
    }

    /// A meeting the route names (`:meeting`), for its series' audience.
    static let meetingRule = AccessRule.roles(roles, "Teilnehmer*innen und Ehemalige, Referent*innen und Programmleitung des Programms") {
        req, user in
        guard let series = try await seriesOfMeeting(req.parameters.require(.meeting).rawValue, on: req.sql) else { throw AppError.notFound }
        return try await includes(user, programmeID: series.programmeID, hostID: series.hostID, on: req.sql)
    }

    /// The series' host and the lead add meetings.
    static let seriesHost = AccessRule.roles([.facilitator, .lead, .admin], "Moderation der Reihe und Programmleitung") { req, user in
        guard let series = try await series(req.parameters.require(.series).rawValue, on: req.sql) else { throw AppError.notFound }
        return user.role.canEditStructure || series.hostID == user.id
    }

    /// The host and the lead publish notes and mark items answered.
    static let meetingHost = AccessRule.roles([.facilitator, .lead, .admin], "Moderation der Reihe und Programmleitung") { req, user in
        guard let series = try await seriesOfMeeting(req.parameters.require(.meeting).rawValue, on: req.sql) else { throw AppError.notFound }
        return user.role.canEditStructure || series.hostID == user.id
    }

    struct SeriesListing: Decodable, Sendable {
        let id: UUID; let programmeId: UUID; let programmeTitle: String; let title: String; let description: String
        let hostId: UUID; let hostName: String; let startTime: String; let endTime: String; let voteBudget: Int; let videoUrl: String
    }

    /// Every series this person belongs to the audience of.
    static func visibleSeries(for user: CurrentUser, on db: any SQLDatabase) async throws -> [SeriesListing] {
        let all = try await db.raw(
            """
            SELECT s.id, s.programme_id, g.title AS programme_title, s.title, s.description, s.host_id, u.name AS host_name,
                   s.start_time, s.end_time, s.vote_budget, s.video_url
            FROM lunch_series s JOIN programmes g ON g.id = s.programme_id JOIN users u ON u.id = s.host_id ORDER BY g.title, s.title
            """
        ).all(decoding: SeriesListing.self, with: .snakeCaseColumns)
        var visible: [SeriesListing] = []
        for series in all where try await includes(user, programmeID: series.programmeId, hostID: series.hostId, on: db) {
            visible.append(series)
        }
        return visible
    }

    static func isRegistered(_ userID: UUID, seriesID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw("SELECT user_id FROM lunch_registrations WHERE series_id = \(bind: seriesID) AND user_id = \(bind: userID)").first() != nil
    }
}
