import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// An edition's completion rule; without a row every part is required at 80 % with excused absences counted.
final class CompletionRuleRecord: Model, @unchecked Sendable {
    static let schema = "completion_rules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    /// The required parts' ids as a JSON array.
    @Field(key: "required_part_ids") var requiredPartIDs: String
    @Field(key: "minimum_attendance_percent") var minimumAttendancePercent: Int
    @Field(key: "excused_counts") var excusedCounts: Bool
    @Field(key: "requires_self_assessments") var requiresSelfAssessments: Bool
    @Field(key: "requires_project_report") var requiresProjectReport: Bool

    init() {}
}

/// Completion granted by the lead although something is missing, with the reason on record.
final class CompletionException: Model, @unchecked Sendable {
    static let schema = "completion_exceptions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Parent(key: "user_id") var user: User
    @Field(key: "reason") var reason: String
    @Field(key: "granted_at") var grantedAt: Date
    @Parent(key: "granted_by_id") var grantedBy: User

    init() {}
}

struct CreateCompletion: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CompletionRuleRecord.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("required_part_ids", .string, .required)
            .field("minimum_attendance_percent", .int, .required)
            .field("excused_counts", .bool, .required)
            .field("requires_self_assessments", .bool, .required)
            .field("requires_project_report", .bool, .required)
            .unique(on: "edition_id")
            .create()
        try await database.schema(CompletionException.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("reason", .string, .required)
            .field("granted_at", .datetime, .required)
            .field("granted_by_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "edition_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CompletionException.schema).delete()
        try await database.schema(CompletionRuleRecord.schema).delete()
    }
}
