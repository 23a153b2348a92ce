import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// How long participants' personal data is kept after their last edition ended, as the admin set
/// it, and who is due for erasure. Off until the admin sets a period.
enum Retention {
    static let monthsKey = "retention_months"
    /// The last day the daily run was claimed; one instance wins the claim for a day.
    static let lastRunKey = "retention_last_day"
    static let allowedMonths = 1...120

    struct Due: Sendable, Equatable {
        let userID: UUID
        let name: String
        let lastDay: CalendarDay
    }

    static func months(on db: any Database) async throws -> Int? {
        try await Setting.query(on: db).filter(\.$key == monthsKey).first().flatMap { Int($0.value) }
    }

    static func setMonths(_ months: Int?, on db: any Database) async throws {
        let setting = try await Setting.query(on: db).filter(\.$key == monthsKey).first() ?? Setting()
        setting.key = monthsKey
        setting.value = months.map(String.init) ?? ""
        try await setting.save(on: db)
    }

    /// The last day whose editions' participants are still kept: `months` before `today`.
    static func cutoff(months: Int, today: CalendarDay) -> CalendarDay {
        var year = today.year
        var month = today.month - months
        while month < 1 { month += 12; year -= 1 }
        let lastOfMonth = CalendarDay(year: year, month: month, day: 1).adding(days: 40)
        let daysInMonth = CalendarDay(year: lastOfMonth.year, month: lastOfMonth.month, day: 1).adding(days: -1).day
        return CalendarDay(year: year, month: month, day: min(today.day, daysInMonth))
    }

    /// Participants (not yet erased) whose every edition ended before the cutoff.
    static func due(months: Int, today: CalendarDay, on db: any Database) async throws -> [Due] {
        guard let sql = db as? any SQLDatabase else { return [] }
        struct Row: Decodable { let id: UUID; let name: String; let lastDay: String }
        let rows = try await sql.raw(
            """
            SELECT u.id, u.name, MAX(p.ends_on) AS last_day FROM users u
            JOIN edition_members m ON m.user_id = u.id
            JOIN parts p ON p.edition_id = m.edition_id
            WHERE u.role = \(bind: Role.participant.rawValue) AND u.erased_at IS NULL
            GROUP BY u.id, u.name
            HAVING MAX(p.ends_on) < \(bind: cutoff(months: months, today: today).iso)
            ORDER BY MAX(p.ends_on), u.name
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        return rows.compactMap { row in CalendarDay(iso: row.lastDay).map { Due(userID: row.id, name: row.name, lastDay: $0) } }
    }

    /// Erases everyone due; returns them. Each erasure is its own transaction, so a failure leaves the others done.
    static func run(months: Int, today: CalendarDay, at now: Date, declarations: [PersonalData], on db: any Database) async throws -> [Due] {
        let due = try await due(months: months, today: today, on: db)
        for person in due {
            try await PersonalDataErasure.erase(
                person.userID, cause: .retention,
                by: .init(id: nil, name: "Aufbewahrungsfrist (\(months) Monate)"), at: now, declarations: declarations, on: db)
        }
        return due
    }

    /// True for the one caller (across every instance on this database) that claims `today`.
    static func claim(_ today: CalendarDay, on db: any Database) async throws -> Bool {
        guard let sql = db as? any SQLDatabase else { return false }
        let claimed = try await sql.raw(
            """
            UPDATE settings SET value = \(bind: today.iso) WHERE key = \(bind: lastRunKey) AND value < \(bind: today.iso) RETURNING key
            """
        ).all()
        return !claimed.isEmpty
    }
}

/// The row the daily claim updates, so two instances never both insert it.
struct CreateRetentionClaim: AsyncMigration {
    func prepare(on database: Database) async throws {
        let claim = Setting()
        claim.key = Retention.lastRunKey
        claim.value = ""
        try await claim.create(on: database)
    }

    func revert(on database: Database) async throws {
        try await Setting.query(on: database).filter(\.$key == Retention.lastRunKey).delete()
    }
}
