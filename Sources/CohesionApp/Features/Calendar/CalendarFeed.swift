import CohesionPlatform
import Fluent
import Foundation

/// A participant's private calendar feed. The token in the URL is the only key to it, so it is
/// long and random; renewing it makes the old URL stop working.
final class CalendarFeed: Model, @unchecked Sendable {
    static let schema = "calendar_feeds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "token") var token: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(userID: UUID, token: String) {
        self.$user.id = userID
        self.token = token
    }
}
