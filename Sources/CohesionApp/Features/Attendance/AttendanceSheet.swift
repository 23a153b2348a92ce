import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// A unit with the participants registered for its part and what has been recorded for each.
struct AttendanceSheet: Codable, Sendable {
    struct Row: Codable, Sendable {
        let userID: UUID
        let name: String
        let municipality: String?
        let status: AttendanceStatus?
    }

    let unitID: UUID
    let title: String
    let startsAt: Date
    let endsAt: Date
    let room: String
    let partID: UUID
    let partTitle: String
    let partNumber: Int
    let rows: [Row]

    var when: String {
        BerlinTime.weekdayDate(BerlinTime.day(of: startsAt)) + ", " + BerlinTime.timeRange(startsAt, endsAt)
    }

    private struct UnitRow: Decodable {
        let id: UUID; let title: String; let startsAt: Date; let endsAt: Date; let room: String
        let partID: UUID; let partTitle: String; let partNumber: Int
    }

    private struct PersonRow: Decodable { let id: UUID; let name: String; let regionName: String?; let status: AttendanceStatus? }

    static func query(unitID: UUID, on db: any SQLDatabase) async throws -> AttendanceSheet? {
        guard
            let unit = try await db.raw(
                """
                SELECT u.id, u.title, u.starts_at, u.ends_at, u.room, p.id AS part_id, p.title AS part_title, p.number AS part_number
                FROM units u JOIN parts p ON p.id = u.part_id WHERE u.id = \(bind: unitID)
                """
            ).first(decoding: UnitRow.self, with: .snakeCaseColumns)
        else { return nil }
        let people = try await db.raw(
            """
            SELECT us.id, us.name, rg.name AS region_name, a.status
            FROM registrations r JOIN users us ON us.id = r.user_id
            LEFT JOIN profiles pr ON pr.user_id = us.id LEFT JOIN regions rg ON rg.key = pr.region_key
            LEFT JOIN attendances a ON a.user_id = us.id AND a.unit_id = \(bind: unitID)
            WHERE r.part_id = \(bind: unit.partID) AND r.status = \(bind: RegistrationStatus.registered) ORDER BY us.name
            """
        ).all(decoding: PersonRow.self, with: .snakeCaseColumns)
        return AttendanceSheet(
            unitID: unit.id, title: unit.title, startsAt: unit.startsAt, endsAt: unit.endsAt, room: unit.room,
            partID: unit.partID, partTitle: unit.partTitle, partNumber: unit.partNumber,
            rows: people.map { Row(userID: $0.id, name: $0.name, municipality: $0.regionName, status: $0.status) })
    }
}

/// A participant's own attendance, for "Mein Programm".
struct OwnAttendance: Codable, Sendable {
    struct Row: Codable, Sendable {
        let unitID: UUID
        let title: String
        let startsAt: Date
        let status: AttendanceStatus
    }

    let rows: [Row]

    static func query(userID: UUID, on db: any SQLDatabase) async throws -> OwnAttendance {
        let rows = try await db.raw(
            """
            SELECT a.unit_id, u.title, u.starts_at, a.status FROM attendances a JOIN units u ON u.id = a.unit_id
            WHERE a.user_id = \(bind: userID) ORDER BY u.starts_at, a.unit_id
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        return OwnAttendance(rows: rows)
    }
}
