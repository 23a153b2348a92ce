import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// A participant's registration for a part, with the answers the venue needs.
final class Registration: Model, @unchecked Sendable {
    static let schema = "registrations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "part_id") var part: Part
    @Parent(key: "user_id") var user: User
    @Field(key: "status") var status: RegistrationStatus
    /// Order of arrival within the part; the waitlist is served by it.
    @Field(key: "sequence") var sequence: Int
    @Field(key: "overnight") var overnight: Bool
    @Field(key: "diet") var diet: String
    @Field(key: "diet_note") var dietNote: String
    @Field(key: "accessibility") var accessibility: String
    @Field(key: "photo_consent") var photoConsent: Bool
    /// Why the lead changed this registration after the part had begun; empty otherwise.
    @Field(key: "late_change_reason") var lateChangeReason: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() { lateChangeReason = "" }
}
