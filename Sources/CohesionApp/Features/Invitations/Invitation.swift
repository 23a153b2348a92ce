import CohesionPlatform
import Fluent
import Foundation

/// An invitation of a person to an edition, with a personal link (stored as a hash) that
/// expires after 14 days and works once.
final class Invitation: Model, @unchecked Sendable {
    static let schema = "invitations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Parent(key: "user_id") var user: User
    @OptionalField(key: "region_key") var regionKey: String?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "accepted_at") var acceptedAt: Date?
    @Field(key: "sent_count") var sentCount: Int
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    enum State: String { case invited, accepted, expired }

    func state(now: Date) -> State {
        if acceptedAt != nil { return .accepted }
        return expiresAt <= now ? .expired : .invited
    }
}
