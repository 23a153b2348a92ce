import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `RegistrationOverview` from the database.
extension RegistrationOverview {
    private struct SQLRow: Decodable {
        let id: UUID; let userID: UUID; let name: String; let status: RegistrationStatus; let sequence: Int; let overnight: Bool
        let diet: String; let dietNote: String; let accessibility: String; let photoConsent: Bool
        let lateChangeReason: String
    }

    private struct MemberRow: Decodable { let id: UUID; let name: String }
    private struct CapacityRow: Decodable { let capacity: Int }
    private struct CountRow: Decodable { let status: RegistrationStatus; let found: Int }
    private struct TotalsRow: Decodable { let registered: Int; let waitlisted: Int; let overnight: Int; let withoutPhotoConsent: Int }
    private struct DietRow: Decodable { let diet: String; let note: String; let count: Int }
    /// A waitlisted row's place in the whole waitlist.
    private struct Place: Decodable { let place: Int }

    private static let columns = """
        r.id, r.user_id, u.name, r.status, r.sequence, r.overnight, r.diet, r.diet_note, r.accessibility, r.photo_consent, r.late_change_reason
        """

    /// Without a search the page is kept behind the report counter (registrations, accounts,
    /// parts and edition members are all watched), per page number; a search is computed each time.
    static func query(partID: UUID, list: ListPage, cache: ReportCache?, on db: any SQLDatabase) async throws -> RegistrationOverview? {
        guard list.search.isEmpty else { return try await query(partID: partID, list: list, on: db) }
        return try await cache.value("registrations:\(partID):\(list.number)", shelf: .bulky, on: db) {
            try await query(partID: partID, list: list, on: db)
        }
    }

    /// A page of each list with the search of `list`; the counts over everyone. The same
    /// statements for a part of 20 as for one of 5,000.
    static func query(partID: UUID, list: ListPage = ListPage(), on db: any SQLDatabase) async throws -> RegistrationOverview? {
        guard
            let part = try await db.raw("SELECT \(unsafeRaw: PartSummary.columns) FROM parts p WHERE p.id = \(bind: partID)")
                .first(decoding: PartSummary.self, with: .snakeCaseColumns),
            let capacity = try await db.raw("SELECT capacity FROM parts WHERE id = \(bind: partID)").first(decoding: CapacityRow.self)
        else { return nil }
        let found: SQLQueryString = list.search.isEmpty ? "1 = 1" : NameMatch.condition("u.name", contains: list.search, on: db)
        let registeredHere: SQLQueryString = "r.part_id = \(bind: partID) AND r.status = \(bind: RegistrationStatus.registered)"
        async let totals = db.raw(
            """
            SELECT COALESCE(SUM(CASE WHEN r.status = \(bind: RegistrationStatus.registered) THEN 1 ELSE 0 END), 0) AS registered,
                   COALESCE(SUM(CASE WHEN r.status = \(bind: RegistrationStatus.waitlisted) THEN 1 ELSE 0 END), 0) AS waitlisted,
                   COALESCE(SUM(CASE WHEN r.status = \(bind: RegistrationStatus.registered) AND r.overnight THEN 1 ELSE 0 END), 0) AS overnight,
                   COALESCE(SUM(CASE WHEN r.status = \(bind: RegistrationStatus.registered) AND NOT r.photo_consent THEN 1 ELSE 0 END), 0)
                       AS without_photo_consent
            FROM registrations r WHERE r.part_id = \(bind: partID)
            """
        ).first(decoding: TotalsRow.self, with: .snakeCaseColumns)
        async let diets = db.raw(
            """
            SELECT r.diet, CASE WHEN r.diet = \(bind: Diet.other.rawValue) THEN r.diet_note ELSE '' END AS note, COUNT(*) AS count
            FROM registrations r WHERE \(registeredHere) GROUP BY 1, 2
            """
        ).all(decoding: DietRow.self)
        // How many of each list the search finds; without a search the totals say it.
        async let foundCounts =
            list.search.isEmpty
            ? []
            : db.raw(
                """
                SELECT r.status, COUNT(*) AS found FROM registrations r JOIN users u ON u.id = r.user_id
                WHERE r.part_id = \(bind: partID) AND \(found) GROUP BY r.status
                """
            ).all(decoding: CountRow.self)
        async let registeredRows = db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM registrations r JOIN users u ON u.id = r.user_id
            WHERE \(registeredHere) AND \(found) ORDER BY u.name, r.id \(ListPage.limit(page: list.number))
            """
        ).all(decoding: SQLRow.self, with: .snakeCaseColumns)
        // The place counts the whole waitlist, also where the search shows only some of it.
        async let waitingRows = db.raw(
            """
            SELECT w.* FROM (
                SELECT ROW_NUMBER() OVER (ORDER BY r.sequence) AS place, \(unsafeRaw: columns)
                FROM registrations r JOIN users u ON u.id = r.user_id
                WHERE r.part_id = \(bind: partID) AND r.status = \(bind: RegistrationStatus.waitlisted)
            ) w JOIN users u ON u.id = w.user_id WHERE \(found) ORDER BY w.place LIMIT \(literal: ListPage.size)
            """
        ).all(decoding: RowWith<Place, SQLRow>.self, with: .snakeCaseColumns)
        async let cancelledRows = db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM registrations r JOIN users u ON u.id = r.user_id
            WHERE r.part_id = \(bind: partID) AND r.status = \(bind: RegistrationStatus.cancelled) AND \(found)
            ORDER BY u.name, r.id LIMIT \(literal: ListPage.size + 1)
            """
        ).all(decoding: SQLRow.self, with: .snakeCaseColumns)
        // The members without a registration first, then their names: left to itself, PostgreSQL
        // walked all accounts in name order looking for members (70 ms for an edition of 5,000, 3 ms so).
        async let members = db.raw(
            """
            WITH open AS MATERIALIZED (
                SELECT m.user_id FROM edition_members m WHERE m.edition_id = \(bind: part.editionID) AND NOT EXISTS (
                    SELECT 1 FROM registrations r WHERE r.user_id = m.user_id AND r.part_id = \(bind: partID)
                    AND r.status <> \(bind: RegistrationStatus.cancelled)))
            SELECT u.id, u.name FROM open o JOIN users u ON u.id = o.user_id WHERE \(found)
            ORDER BY u.name, u.id LIMIT \(literal: ListPage.size + 1)
            """
        ).all(decoding: MemberRow.self)

        let sums = try await totals
        var dietCounts: [String: Int] = [:]
        for diet in try await diets {
            dietCounts[diet.diet == Diet.other.rawValue ? diet.note : (Diet(rawValue: diet.diet)?.label ?? diet.diet), default: 0] += diet.count
        }
        let counted =
            list.search.isEmpty
            ? [.registered: sums?.registered ?? 0, .waitlisted: sums?.waitlisted ?? 0]
            : Dictionary(try await foundCounts.map { ($0.status, $0.found) }) { first, _ in first }
        let cancelled = try await cancelledRows
        let unregistered = try await members
        return RegistrationOverview(
            part: part, capacity: capacity.capacity,
            counts: Counts(
                registered: sums?.registered ?? 0, waitlisted: sums?.waitlisted ?? 0, overnight: sums?.overnight ?? 0,
                withoutPhotoConsent: sums?.withoutPhotoConsent ?? 0,
                diets: dietCounts.map { Counts.DietCount(label: $0.key, count: $0.value) }.sorted { ($0.count, $1.label) > ($1.count, $0.label) }),
            list: list,
            registered: try await registeredRows.map(Self.row), registeredFound: counted[.registered] ?? 0,
            waitlist: try await waitingRows.map { ($0.extra.place, Self.row($0.row)) }, waitlistFound: counted[.waitlisted] ?? 0,
            cancelled: cancelled.prefix(ListPage.size).map(Self.row), moreCancelled: cancelled.count > ListPage.size,
            unregistered: unregistered.prefix(ListPage.size).map { Member(id: $0.id, name: $0.name) }, moreUnregistered: unregistered.count > ListPage.size)
    }

    private static func row(_ row: SQLRow) -> Row {
        Row(
            registrationID: row.id, userID: row.userID, name: row.name, status: row.status, sequence: row.sequence,
            overnight: row.overnight, diet: row.diet, dietNote: row.dietNote, accessibility: row.accessibility,
            photoConsent: row.photoConsent, lateChangeReason: row.lateChangeReason)
    }
}
