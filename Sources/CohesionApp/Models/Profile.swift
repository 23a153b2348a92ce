import Fluent
import Foundation

/// A participant's municipal context and position. Lists are stored as comma-separated codes.
final class Profile: Model, @unchecked Sendable {
    static let schema = "profiles"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @OptionalField(key: "region_key") var regionKey: String?
    @Field(key: "embedding") var embedding: String
    @Field(key: "share_percent") var sharePercent: Int
    @OptionalField(key: "fixed_term") var fixedTerm: Bool?
    @Field(key: "funding") var funding: String
    @Field(key: "mandate") var mandate: String
    @Field(key: "task_fields") var taskFields: String
    @Field(key: "fields_of_action") var fieldsOfAction: String
    @OptionalField(key: "in_post_since") var inPostSince: String?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}

/// A participant's registration for a part, with the answers the venue needs.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "part_id") var part: Part
    @Parent(key: "user_id") var user: User
    @Field(key: "status") var status: String
    /// Order of arrival within the part; the waitlist is served by it.
    @Field(key: "sequence") var sequence: Int
    @Field(key: "overnight") var overnight: Bool
    @Field(key: "diet") var diet: String
    @Field(key: "diet_note") var dietNote: String
    @Field(key: "accessibility") var accessibility: String
    @Field(key: "photo_consent") var photoConsent: Bool
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
