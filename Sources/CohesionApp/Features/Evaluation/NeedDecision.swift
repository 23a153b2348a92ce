import CohesionPlatform
import Fluent
import Foundation

/// The lead's answer to a strong need of an edition's cohort: taken up by a unit, or dismissed
/// with a reason. One per edition and competence area; a new decision replaces the old.
///
/// The unit is kept by its id without a foreign key: the link follows the unit through every
/// edit (the trace shows its current title), and when the unit is deleted the decision stays and
/// the trace says the unit is gone, naming it by the title it had when it was linked.
final class NeedDecision: Model, @unchecked Sendable {
    static let schema = "need_decisions"

    enum Kind: String, Codable, Sendable {
        case takenUp = "aufgegriffen"
        case dismissed = "verworfen"
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Field(key: "competence_area_id") var competenceAreaID: UUID
    @Field(key: "kind") var kind: Kind
    @OptionalField(key: "unit_id") var unitID: UUID?
    /// The unit's title when it was linked, for the trace once the unit is deleted.
    @Field(key: "unit_title") var unitTitle: String
    @Field(key: "reason") var reason: String
    /// The measurement the need came from (its label, such as "vor Teil 1"), and the share with a
    /// strong need then: what the lead decided on, kept even when answers change later.
    @Field(key: "suggested_from") var suggestedFrom: String
    @Field(key: "strong_need") var strongNeed: String
    @Field(key: "decided_at") var decidedAt: Date

    init() {}
}

struct CreateNeedDecision: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(NeedDecision.schema)
            .id()
            .field("edition_id", .uuid, .required, .references("editions", .id, onDelete: .cascade))
            .field("competence_area_id", .uuid, .required, .references("competence_areas", .id, onDelete: .cascade))
            .field("kind", .string, .required)
            .field("unit_id", .uuid)
            .field("unit_title", .string, .required)
            .field("reason", .string, .required)
            .field("suggested_from", .string, .required)
            .field("strong_need", .string, .required)
            .field("decided_at", .datetime, .required)
            .unique(on: "edition_id", "competence_area_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(NeedDecision.schema).delete()
    }
}
