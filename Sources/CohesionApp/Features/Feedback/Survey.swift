import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// A feedback survey attached to a unit or to a part.
final class Survey: Model, @unchecked Sendable {
    static let schema = "surveys"

    @ID(key: .id) var id: UUID?
    @Parent(key: "part_id") var part: Part
    /// Nil for a survey about the whole part.
    @OptionalParent(key: "unit_id") var unit: Unit?
    @Field(key: "title") var title: String
    @Field(key: "anonymous") var anonymous: Bool
    @Field(key: "opens_on") var opensOn: String
    @Field(key: "closes_on") var closesOn: String

    init() {}
}

final class SurveyQuestion: Model, @unchecked Sendable {
    static let schema = "survey_questions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Field(key: "position") var position: Int
    @Field(key: "kind") var kind: QuestionKind
    @Field(key: "text") var text: String
    /// Choices, one per line.
    @Field(key: "options") var options: String

    init() {}
}

/// One person's answers. For an anonymous survey the row names nobody and carries no time:
/// who has answered is kept apart in `SurveyParticipation`, so the two cannot be joined.
final class SurveyResponse: Model, @unchecked Sendable {
    static let schema = "survey_responses"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @OptionalField(key: "respondent_id") var respondentID: UUID?

    init() {}
}

final class SurveyAnswer: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @Parent(key: "response_id") var response: SurveyResponse
    @Parent(key: "question_id") var question: SurveyQuestion
    /// Scale value, option indexes (comma-separated) or text.
    @Field(key: "value") var value: String

    init() {}
}

/// That a person has answered a survey (so they are not asked twice), without their answers.
final class SurveyParticipation: Model, @unchecked Sendable {
    static let schema = "survey_participations"

    @ID(key: .id) var id: UUID?
    @Parent(key: "survey_id") var survey: Survey
    @Parent(key: "user_id") var user: User

    init() {}
}
