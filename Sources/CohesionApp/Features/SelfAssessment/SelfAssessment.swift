import CohesionPlatform
import Fluent
import Foundation

/// A phase of self-assessment in an edition, opened and closed by the lead.
final class AssessmentPhase: Model, @unchecked Sendable {
    static let schema = "assessment_phases"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    /// "pre", "part-2", "post" (`AssessmentPhaseKind.code`).
    @Field(key: "code") var code: String
    @Field(key: "is_open") var isOpen: Bool
    /// Whether participants also rate, looking back, where they stood before (then-test).
    @Field(key: "asks_retrospective") var asksRetrospective: Bool

    init() {}
}

/// A participant's rating of one competence area in one phase.
final class SelfAssessment: Model, @unchecked Sendable {
    static let schema = "self_assessments"

    @ID(key: .id) var id: UUID?
    @Parent(key: "phase_id") var phase: AssessmentPhase
    @Parent(key: "user_id") var user: User
    @Parent(key: "competence_area_id") var competenceArea: CompetenceArea
    @Field(key: "level") var level: Int
    @Field(key: "need") var need: Int
    @OptionalField(key: "retrospective_level") var retrospectiveLevel: Int?
    @Field(key: "note") var note: String
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}
}
