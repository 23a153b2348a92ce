import Fluent
import Foundation

/// A mail waiting in the outbox, written in the same transaction as the change it reports.
package final class OutboxMessage: Model, @unchecked Sendable {
    package static let schema = "outbox"

    @ID(key: .id) package var id: UUID?
    @Field(key: "recipient") package var recipient: String
    @Field(key: "subject") package var subject: String
    @Field(key: "body") package var body: String
    @Timestamp(key: "created_at", on: .create) package var createdAt: Date?
    @OptionalField(key: "sent_at") package var sentAt: Date?
    @OptionalField(key: "last_error") package var lastError: String?
    /// The token of the delivery run that holds the message, until `claimedUntil`.
    @OptionalField(key: "claim") package var claim: String?
    @OptionalField(key: "claimed_until") package var claimedUntil: Date?
    @Field(key: "attempts") package var attempts: Int
    @OptionalField(key: "next_attempt_at") package var nextAttemptAt: Date?

    package init() {}

    package init(recipient: String, subject: String, body: String) {
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.attempts = 0
    }
}
