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
    /// Everyone registered, or the page asked for.
    let rows: [Row]
    /// Everyone the sheet's search finds, on every page.
    let total: Int
    /// The page shown and its search; the first page without a search when the sheet is whole.
    let list: ListPage

    /// The unit and its part, as `registered(_:forPartOf:)` takes them.
    var unit: UnitRow {
        UnitRow(id: unitID, title: title, startsAt: startsAt, endsAt: endsAt, room: room, partID: partID, partTitle: partTitle, partNumber: partNumber)
    }

    var when: String {
        BerlinTime.weekdayDate(BerlinTime.day(of: startsAt)) + ", " + BerlinTime.timeRange(startsAt, endsAt)
    }

    struct UnitRow: Decodable, Sendable {
        let id: UUID; let title: String; let startsAt: Date; let endsAt: Date; let room: String
        let partID: UUID; let partTitle: String; let partNumber: Int
    }

    private struct PersonRow: Decodable { let id: UUID; let name: String; let regionName: String?; let status: AttendanceStatus? }

    /// The unit with its part, without the people.
    static func unit(_ unitID: UUID, on db: any SQLDatabase) async throws -> UnitRow? {
        try await db.raw(
            """
            SELECT u.id, u.title, u.starts_at, u.ends_at, u.room, p.id AS part_id, p.title AS part_title, p.number AS part_number
            FROM units u JOIN parts p ON p.id = u.part_id WHERE u.id = \(bind: unitID)
            """
        ).first(decoding: UnitRow.self, with: .snakeCaseColumns)
    }

    private struct PersonID: Decodable { let userID: UUID }

    /// Those of `people` registered for the unit's part: whose attendance may be recorded.
    static func registered(_ people: Set<UUID>, forPartOf unit: UnitRow, on db: any SQLDatabase) async throws -> Set<UUID> {
        guard !people.isEmpty else { return [] }
        return Set(
            try await db.raw(
                """
                SELECT user_id FROM registrations WHERE part_id = \(bind: unit.partID) AND status = \(bind: RegistrationStatus.registered)
                AND user_id IN (\(binds: Array(people)))
                """
            ).all(decoding: PersonID.self, with: .snakeCaseColumns).map(\.userID))
    }

    /// Without a search the sheet is kept behind the report counter (it reads the registrations,
    /// accounts, profiles, regions and attendance, all watched), per page; a search is computed each time.
    static func query(unitID: UUID, list: ListPage? = nil, cache: ReportCache?, on db: any SQLDatabase) async throws -> AttendanceSheet? {
        guard list?.search.isEmpty ?? true else { return try await query(unitID: unitID, list: list, on: db) }
        return try await cache.value("attendance:\(unitID):\(list?.number ?? 0)", shelf: .bulky, on: db) {
            try await query(unitID: unitID, list: list, on: db)
        }
    }

    /// The unit with everyone registered for its part (`list` nil: the sign-in list, the API), or
    /// one page of them found by name or municipality.
    static func query(unitID: UUID, list: ListPage? = nil, on db: any SQLDatabase) async throws -> AttendanceSheet? {
        guard let unit = try await unit(unitID, on: db) else { return nil }
        let registered: SQLQueryString = "r.part_id = \(bind: unit.partID) AND r.status = \(bind: RegistrationStatus.registered)"
        let search = list?.search ?? ""
        let pattern = "%" + LikePattern.escape(search.lowercased()) + "%"
        let matching: SQLQueryString =
            search.isEmpty
            ? registered
            : "\(registered) AND (\(NameMatch.condition("us.name", contains: search, on: db)) OR rg.search_name LIKE \(bind: pattern) ESCAPE '\\')"
        // The people of the page are chosen first, by name, and only they are joined to their
        // municipality and attendance: joining all 5,000 of an edition first took 32 ms, and
        // counting with the joins 133 ms, where the registrations alone count in under one.
        let regionJoins: SQLQueryString = "LEFT JOIN profiles pr ON pr.user_id = us.id LEFT JOIN regions rg ON rg.key = pr.region_key"
        let chosen: SQLQueryString = "FROM registrations r JOIN users us ON us.id = r.user_id \(search.isEmpty ? "" : regionJoins)"
        func people(_ page: Int?) async throws -> [PersonRow] {
            let limit = ListPage.limit(page: page)
            return try await db.raw(
                """
                SELECT us.id, us.name, rg.name AS region_name, a.status
                FROM (SELECT us.id, us.name \(chosen) WHERE \(matching) ORDER BY us.name, us.id \(limit)) us \(regionJoins)
                LEFT JOIN attendances a ON a.user_id = us.id AND a.unit_id = \(bind: unitID)
                ORDER BY us.name, us.id
                """
            ).all(decoding: PersonRow.self, with: .snakeCaseColumns)
        }
        var shown = list ?? ListPage()
        var rows: [PersonRow]
        let total: Int
        if let list {
            struct CountRow: Decodable { let total: Int }
            // Without a search the registrations alone are counted (10 ms less for 5,000 on SQLite).
            let counting: SQLQueryString = search.isEmpty ? "FROM registrations r" : chosen
            async let counted = db.raw("SELECT COUNT(*) AS total \(counting) WHERE \(matching)").first(decoding: CountRow.self)
            rows = try await people(list.number)
            total = try await counted?.total ?? 0
            if rows.isEmpty, total > 0 {
                // Beyond the last page (someone cancelled since the link was made): the last page.
                shown.number = PageLinks.count(total, size: ListPage.size)
                rows = try await people(shown.number)
            }
        } else {
            rows = try await people(nil)
            total = rows.count
        }
        return AttendanceSheet(
            unitID: unit.id, title: unit.title, startsAt: unit.startsAt, endsAt: unit.endsAt, room: unit.room,
            partID: unit.partID, partTitle: unit.partTitle, partNumber: unit.partNumber,
            rows: rows.map { Row(userID: $0.id, name: $0.name, municipality: $0.regionName, status: $0.status) }, total: total, list: shown)
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
