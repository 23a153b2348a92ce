import CohesionPlatform
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
