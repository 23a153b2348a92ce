import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// A participant's practice project (transfer): set at the end of a part, reported at the next.
final class PracticeProject: Model, @unchecked Sendable {
    static let schema = "practice_projects"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Parent(key: "part_id") var part: Part
    @Field(key: "goal") var goal: String
    @Field(key: "first_steps") var firstSteps: String
    @Field(key: "due_on") var dueOn: String
    @OptionalField(key: "outcome") var outcome: ProjectOutcome?
    @Field(key: "helped") var helped: String
    @Field(key: "hindered") var hindered: String
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
