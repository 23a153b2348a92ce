import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// The follow-up of an edition: a few months after its last part the lead opens a short
/// questionnaire on what the participants have put into practice. One per edition.
final class FollowUpPhase: Model, @unchecked Sendable {
    static let schema = "follow_up_phases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Field(key: "opens_on") var opensOn: CalendarDay
    @Field(key: "closes_on") var closesOn: CalendarDay

    init() {}
}

/// One answer, naming nobody: who has answered is kept apart in `FollowUpParticipation`, so the
/// two cannot be joined (as with anonymous surveys). Each list holds option codes, comma-separated.
final class FollowUpResponse: Model, @unchecked Sendable {
    static let schema = "follow_up_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "phase_id") var phase: FollowUpPhase
    @Field(key: "areas_used") var areasUsed: String
    @Field(key: "changes") var changes: String
    @Field(key: "helped") var helped: String
    @Field(key: "hindered") var hindered: String

    init() {}

    var answer: TransferAnswer {
        func codes(_ list: String) -> Set<String> { Set(list.split(separator: ",").map(String.init)) }
        return TransferAnswer(areasUsed: codes(areasUsed), changes: codes(changes), helped: codes(helped), hindered: codes(hindered))
    }
}

/// That a person has answered the follow-up (so they are not asked twice), without the answer.
final class FollowUpParticipation: Model, @unchecked Sendable {
    static let schema = "follow_up_participations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "phase_id") var phase: FollowUpPhase
    @Parent(key: "user_id") var user: User

    init() {}
}

struct CreateFollowUp: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(FollowUpPhase.schema)
            .id()
            .field("edition_id", .uuid, .required, .references("editions", .id, onDelete: .cascade))
            .field("opens_on", .string, .required)
            .field("closes_on", .string, .required)
            .unique(on: "edition_id")
            .create()
        try await database.schema(FollowUpResponse.schema)
            .id()
            .field("phase_id", .uuid, .required, .references(FollowUpPhase.schema, .id, onDelete: .cascade))
            .field("areas_used", .string, .required)
            .field("changes", .string, .required)
            .field("helped", .string, .required)
            .field("hindered", .string, .required)
            .create()
        try await database.schema(FollowUpParticipation.schema)
            .id()
            .field("phase_id", .uuid, .required, .references(FollowUpPhase.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .unique(on: "phase_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(FollowUpParticipation.schema).delete()
        try await database.schema(FollowUpResponse.schema).delete()
        try await database.schema(FollowUpPhase.schema).delete()
    }
}
