import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

final class Attendance: Model, @unchecked Sendable {
    static let schema = "attendances"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "user_id") var user: User
    @Field(key: "status") var status: AttendanceStatus
    /// Who recorded it (lead or facilitator), kept for accountability.
    @OptionalField(key: "recorded_by") var recordedBy: UUID?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
