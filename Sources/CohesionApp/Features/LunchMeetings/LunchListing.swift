import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// `/austausch/mittagsrunden`: the series this person may join, with their coming and past meetings.
struct LunchListing: Sendable {
    struct Meeting: Decodable, Sendable {
        let id: UUID; let seriesId: UUID; let startsAt: Date; let endsAt: Date; let agendaFreezesAt: Date
        let notesPublishedAt: Date?; let items: Int
    }

    struct Series: Sendable {
        let series: LunchAudience.SeriesListing
        let registered: Bool
        let mayModerate: Bool
        let coming: [Meeting]
        let past: [Meeting]
    }

    struct Choice: Decodable, Sendable { let id: UUID; let title: String }

    /// What the lead chooses from when starting a series.
    struct Choices: Sendable {
        let programmes: [Choice]
        let hosts: [Choice]
    }

    let series: [Series]

    static func query(for user: CurrentUser, now: Date, on db: any SQLDatabase) async throws -> LunchListing {
        let visible = try await LunchAudience.visibleSeries(for: user, on: db)
        guard !visible.isEmpty else { return LunchListing(series: []) }
        let meetings = try await db.raw(
            """
            SELECT m.id, m.series_id, m.starts_at, m.ends_at, m.agenda_freezes_at, m.notes_published_at,
                   (SELECT COUNT(*) FROM lunch_items i WHERE i.meeting_id = m.id) AS items
            FROM lunch_meetings m WHERE m.series_id IN (\(binds: visible.map(\.id))) ORDER BY m.starts_at
            """
        ).all(decoding: Meeting.self, with: .snakeCaseColumns)
        let registered = Set(
            try await db.raw("SELECT series_id FROM lunch_registrations WHERE user_id = \(bind: user.id)")
                .all(decoding: SeriesIDRow.self, with: .snakeCaseColumns).map(\.seriesId))
        let bySeries = Dictionary(grouping: meetings, by: \.seriesId)
        return LunchListing(
            series: visible.map { series in
                let all = bySeries[series.id] ?? []
                return Series(
                    series: series, registered: registered.contains(series.id),
                    mayModerate: user.role.canEditStructure || series.hostId == user.id,
                    coming: Array(all.filter { $0.endsAt >= now }.prefix(6)),
                    past: Array(all.filter { $0.endsAt < now }.reversed().prefix(6)))
            })
    }

    private struct SeriesIDRow: Decodable { let seriesId: UUID }

    static func choices(on db: any SQLDatabase) async throws -> Choices {
        let programmes = try await db.raw("SELECT id, title FROM programmes ORDER BY title").all(decoding: Choice.self)
        let hosts = try await db.raw(
            """
            SELECT id, name AS title FROM users WHERE role IN (\(bind: Role.lead.rawValue), \(bind: Role.facilitator.rawValue))
              AND erased_at IS NULL AND locked_at IS NULL ORDER BY name
            """
        ).all(decoding: Choice.self)
        return Choices(programmes: programmes, hosts: hosts)
    }
}
