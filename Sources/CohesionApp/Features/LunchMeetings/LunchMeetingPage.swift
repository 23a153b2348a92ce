import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// A meeting as one person sees it: its agenda, their votes, the video room when it is time.
struct LunchMeetingPage: Sendable {
    struct Item: Sendable {
        let id: UUID
        let text: String
        let authorID: UUID
        let authorName: String
        let createdAt: Date
        let votes: Int
        let answeredAt: Date?
        let viewerVoted: Bool
    }

    let meetingID: UUID
    let seriesID: UUID
    let seriesTitle: String
    let programmeTitle: String
    let hostName: String
    let startsAt: Date
    let endsAt: Date
    let freezesAt: Date
    let notes: String
    let notesPublishedAt: Date?
    let budget: Int
    let items: [Item]
    let viewerMayModerate: Bool
    let viewerIsRegistered: Bool
    /// Budget slots the viewer uses now (votes on answered items are given back).
    let viewerVotesInUse: Int
    /// Only for the registered and the host, as for units (`VideoRooms`).
    let videoRoom: VideoRooms.Access?
    let now: Date

    var isFrozen: Bool { now >= freezesAt }
    var isOver: Bool { now > endsAt }
    var votesLeft: Int { max(budget - viewerVotesInUse, 0) }

    private struct MeetingRow: Decodable {
        let id: UUID; let seriesId: UUID; let seriesTitle: String; let programmeTitle: String; let hostId: UUID; let hostName: String
        let startsAt: Date; let endsAt: Date; let agendaFreezesAt: Date; let notes: String; let notesPublishedAt: Date?
        let voteBudget: Int; let videoUrl: String; let registered: Bool
    }

    private struct ItemRow: Decodable {
        let id: UUID; let meetingId: UUID; let text: String; let authorId: UUID; let authorName: String; let erasedAt: Date?; let createdAt: Date
        let answeredAt: Date?; let votes: Int; let mine: Int
    }

    private struct InUseRow: Decodable { let meetingId: UUID; let count: Int }

    static func query(meetingID: UUID, viewer: CurrentUser, now: Date, on db: any SQLDatabase) async throws -> LunchMeetingPage? {
        try await query(meetingIDs: [meetingID], viewer: viewer, now: now, on: db).first
    }

    /// The meetings asked for, as the viewer sees them, in three statements however many there
    /// are (the API lists every meeting of the viewer's series at once).
    static func query(meetingIDs: [UUID], viewer: CurrentUser, now: Date, on db: any SQLDatabase) async throws -> [LunchMeetingPage] {
        guard !meetingIDs.isEmpty else { return [] }
        async let meetingRows = db.raw(
            """
            SELECT m.id, m.series_id, s.title AS series_title, g.title AS programme_title, s.host_id, u.name AS host_name, m.starts_at, m.ends_at,
                   m.agenda_freezes_at, m.notes, m.notes_published_at, s.vote_budget, s.video_url,
                   EXISTS (SELECT 1 FROM lunch_registrations r WHERE r.series_id = m.series_id AND r.user_id = \(bind: viewer.id)) AS registered
            FROM lunch_meetings m JOIN lunch_series s ON s.id = m.series_id JOIN programmes g ON g.id = s.programme_id
            JOIN users u ON u.id = s.host_id WHERE m.id IN (\(binds: meetingIDs))
            """
        ).all(decoding: MeetingRow.self, with: .snakeCaseColumns)
        async let itemRows = db.raw(
            """
            SELECT i.id, i.meeting_id, i.text, i.author_id, u.name AS author_name, u.erased_at, i.created_at, i.answered_at,
                   (SELECT COUNT(*) FROM lunch_votes v WHERE v.item_id = i.id) AS votes,
                   (SELECT COUNT(*) FROM lunch_votes v WHERE v.item_id = i.id AND v.user_id = \(bind: viewer.id)) AS mine
            FROM lunch_items i JOIN users u ON u.id = i.author_id WHERE i.meeting_id IN (\(binds: meetingIDs))
            """
        ).all(decoding: ItemRow.self, with: .snakeCaseColumns)
        async let inUseRows = db.raw(
            """
            SELECT meeting_id, COUNT(*) AS count FROM lunch_votes
            WHERE meeting_id IN (\(binds: meetingIDs)) AND user_id = \(bind: viewer.id) AND slot IS NOT NULL GROUP BY meeting_id
            """
        ).all(decoding: InUseRow.self, with: .snakeCaseColumns)
        let itemsByMeeting = Dictionary(grouping: try await itemRows, by: \.meetingId)
        let inUse = Dictionary(try await inUseRows.map { ($0.meetingId, $0.count) }) { first, _ in first }
        let byID = Dictionary(try await meetingRows.map { ($0.id, $0) }) { first, _ in first }
        return meetingIDs.compactMap { id in
            byID[id].map { page($0, items: itemsByMeeting[id] ?? [], votesInUse: inUse[id] ?? 0, viewer: viewer, now: now) }
        }
    }

    private static func page(_ meeting: MeetingRow, items rows: [ItemRow], votesInUse: Int, viewer: CurrentUser, now: Date) -> LunchMeetingPage {
        let items = LunchVoting.agendaOrder(
            rows.map {
                Item(
                    id: $0.id, text: $0.text, authorID: $0.authorId, authorName: $0.erasedAt == nil ? $0.authorName : "gelöschtes Konto",
                    createdAt: $0.createdAt, votes: $0.votes, answeredAt: $0.answeredAt, viewerVoted: $0.mine > 0)
            }, votes: \.votes, postedAt: \.createdAt)
        let isHost = meeting.hostId == viewer.id
        let mayJoin = meeting.registered || isHost
        return LunchMeetingPage(
            meetingID: meeting.id, seriesID: meeting.seriesId, seriesTitle: meeting.seriesTitle, programmeTitle: meeting.programmeTitle,
            hostName: meeting.hostName, startsAt: meeting.startsAt, endsAt: meeting.endsAt, freezesAt: meeting.agendaFreezesAt,
            notes: meeting.notes, notesPublishedAt: meeting.notesPublishedAt, budget: meeting.voteBudget, items: items,
            viewerMayModerate: isHost || viewer.role.canEditStructure, viewerIsRegistered: meeting.registered, viewerVotesInUse: votesInUse,
            videoRoom: mayJoin ? VideoRooms.access(meeting.videoUrl, start: meeting.startsAt, end: meeting.endsAt, now: now) : nil, now: now)
    }
}
