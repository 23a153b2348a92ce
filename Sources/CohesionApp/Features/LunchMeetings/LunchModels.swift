import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// A series of open lunch meetings of a programme (say monthly, 12:30–13:30): participants and
/// alumni of every edition register once and are reminded of each meeting.
final class LunchSeries: Model, @unchecked Sendable {
    static let schema = "lunch_series"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Parent(key: "host_id") var host: User
    /// "12:30", Berlin time: what a new meeting of the series starts with.
    @Field(key: "start_time") var startTime: String
    @Field(key: "end_time") var endTime: String
    /// How many items each person may vote for per meeting.
    @Field(key: "vote_budget") var voteBudget: Int
    @Field(key: "video_url") var videoURL: String

    init() {}
}

final class LunchRegistration: Model, @unchecked Sendable {
    static let schema = "lunch_registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "series_id") var series: LunchSeries
    @Parent(key: "user_id") var user: User
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// One meeting. Its agenda is its items by votes, frozen at `agendaFreezesAt`; afterwards the host
/// publishes short notes here, because a video tool's shared notes end with the call.
final class LunchMeeting: Model, @unchecked Sendable {
    static let schema = "lunch_meetings"

    @ID(key: .id) var id: UUID?
    @Parent(key: "series_id") var series: LunchSeries
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "agenda_freezes_at") var agendaFreezesAt: Date
    @Field(key: "notes") var notes: String
    @OptionalField(key: "notes_published_at") var notesPublishedAt: Date?
    /// Set by the instance that sends the reminder, so that it goes out once.
    @OptionalField(key: "reminder_sent_at") var reminderSentAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

/// A question or topic for a meeting.
final class LunchItem: Model, @unchecked Sendable {
    static let schema = "lunch_items"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: LunchMeeting
    @Parent(key: "author_id") var author: User
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date
    /// An answered item gives its votes back (their slots are freed) but keeps its count on the agenda.
    @OptionalField(key: "answered_at") var answeredAt: Date?

    init() {}
}

/// One person's vote for one item. `slot` (1 … budget) is the vote's place in the person's budget
/// for the meeting; a unique index on (meeting, person, slot) lets the database itself refuse a
/// vote beyond the budget, however many requests arrive at once. Answered items free their slots.
final class LunchVote: Model, @unchecked Sendable {
    static let schema = "lunch_votes"

    @ID(key: .id) var id: UUID?
    @Parent(key: "meeting_id") var meeting: LunchMeeting
    @Parent(key: "item_id") var item: LunchItem
    @Parent(key: "user_id") var user: User
    @OptionalField(key: "slot") var slot: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}

struct CreateLunchMeetings: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(LunchSeries.schema)
            .id()
            .field("programme_id", .uuid, .required, .references("programmes", .id, onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("host_id", .uuid, .required, .references(User.schema, .id))
            .field("start_time", .string, .required)
            .field("end_time", .string, .required)
            .field("vote_budget", .int, .required)
            .field("video_url", .string, .required)
            .create()
        try await database.schema(LunchRegistration.schema)
            .id()
            .field("series_id", .uuid, .required, .references(LunchSeries.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "series_id", "user_id")
            .create()
        try await database.schema(LunchMeeting.schema)
            .id()
            .field("series_id", .uuid, .required, .references(LunchSeries.schema, .id, onDelete: .cascade))
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("agenda_freezes_at", .datetime, .required)
            .field("notes", .string, .required)
            .field("notes_published_at", .datetime)
            .field("reminder_sent_at", .datetime)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(LunchItem.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(LunchMeeting.schema, .id, onDelete: .cascade))
            .field("author_id", .uuid, .required, .references(User.schema, .id))
            .field("text", .string, .required)
            .field("created_at", .datetime, .required)
            .field("answered_at", .datetime)
            .create()
        try await database.schema(LunchVote.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(LunchMeeting.schema, .id, onDelete: .cascade))
            .field("item_id", .uuid, .required, .references(LunchItem.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("slot", .int)
            .field("created_at", .datetime, .required)
            .unique(on: "item_id", "user_id")
            .unique(on: "meeting_id", "user_id", "slot")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX lunch_meetings_series ON lunch_meetings (series_id, starts_at)").run()
        try await sql.raw("CREATE INDEX lunch_items_meeting ON lunch_items (meeting_id)").run()
    }

    func revert(on database: Database) async throws {
        for schema in [LunchVote.schema, LunchItem.schema, LunchMeeting.schema, LunchRegistration.schema, LunchSeries.schema] {
            try await database.schema(schema).delete()
        }
    }
}
