import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// An officer's own change to the comparison group of their municipality: a region added to the
/// ten or one taken out. Kept with the person, so the profile shows their choice every time.
final class ComparisonChoice: Model, @unchecked Sendable {
    static let schema = "comparison_choices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    /// The region whose comparison group it changes (the officer's municipality).
    @Field(key: "subject_key") var subjectKey: String
    @Field(key: "region_key") var regionKey: String
    /// True: added to the group; false: taken out of it.
    @Field(key: "included") var included: Bool

    init() {}

    init(userID: UUID, subjectKey: String, regionKey: String, included: Bool) {
        self.$user.id = userID
        self.subjectKey = subjectKey
        self.regionKey = regionKey
        self.included = included
    }

    /// What this person added and took out for `subject`.
    static func of(_ userID: UUID, subject: String, on db: any Database) async throws -> MunicipalProfile.Choice {
        let rows = try await ComparisonChoice.query(on: db).filter(\.$user.$id == userID).filter(\.$subjectKey == subject).all()
        return .init(added: Set(rows.filter(\.included).map(\.regionKey)), removed: Set(rows.filter { !$0.included }.map(\.regionKey)))
    }

    /// Records a choice, replacing an earlier one about the same region; `nil` takes it back.
    static func set(_ included: Bool?, userID: UUID, subject: String, region: String, on db: any Database) async throws {
        try await ComparisonChoice.query(on: db).filter(\.$user.$id == userID).filter(\.$subjectKey == subject).filter(\.$regionKey == region).delete()
        if let included { try await ComparisonChoice(userID: userID, subjectKey: subject, regionKey: region, included: included).create(on: db) }
    }
}

struct CreateComparisonChoice: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ComparisonChoice.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("subject_key", .string, .required)
            .field("region_key", .string, .required)
            .field("included", .bool, .required)
            .unique(on: "user_id", "subject_key", "region_key")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ComparisonChoice.schema).delete()
    }
}
