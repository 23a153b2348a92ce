import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// What the pooled feedback reports read: an edition's surveys with their response counts,
/// who teaches which unit, and the answers of the surveys that may be shown.
enum FeedbackQueries {
    struct SurveyLine: Decodable, Sendable {
        let id: UUID
        let editionID: UUID
        let title: String
        let partID: UUID
        let partNumber: Int
        let unitID: UUID?
        let unitTitle: String?
        let responses: Int

        var target: String { unitTitle.map { "Einheit „\($0)“" } ?? "ganzer Teil \(partNumber)" }
        var pooling: FeedbackPooling.Survey { .init(id: id, responses: responses) }
    }

    struct Teaching: Decodable, Sendable { let userID: UUID; let name: String; let unitID: UUID; let partID: UUID }

    static func surveys(editionID: UUID, on db: any SQLDatabase) async throws -> [SurveyLine] {
        try await surveys(where: "p.edition_id = \(bind: editionID)", on: db)
    }

    /// The surveys of every edition of a programme, keyed by edition.
    static func surveys(programmeID: UUID, on db: any SQLDatabase) async throws -> [UUID: [SurveyLine]] {
        Dictionary(
            grouping: try await surveys(where: "p.edition_id IN (SELECT id FROM editions WHERE programme_id = \(bind: programmeID))", on: db),
            by: \.editionID)
    }

    private static func surveys(where condition: SQLQueryString, on db: any SQLDatabase) async throws -> [SurveyLine] {
        try await db.raw(
            """
            SELECT s.id, p.edition_id, s.title, s.part_id, p.number AS part_number, s.unit_id, u.title AS unit_title,
                   (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses
            FROM surveys s JOIN parts p ON p.id = s.part_id LEFT JOIN units u ON u.id = s.unit_id
            WHERE \(condition) ORDER BY p.starts_on, s.opens_on, s.title
            """
        ).all(decoding: SurveyLine.self, with: .snakeCaseColumns)
    }

    /// Who gives which unit of the edition, ordered by name.
    static func teaching(editionID: UUID, on db: any SQLDatabase) async throws -> [Teaching] {
        try await db.raw(
            """
            SELECT f.user_id, us.name, f.unit_id, u.part_id FROM unit_facilitators f
            JOIN users us ON us.id = f.user_id JOIN units u ON u.id = f.unit_id JOIN parts p ON p.id = u.part_id
            WHERE p.edition_id = \(bind: editionID) ORDER BY us.name
            """
        ).all(decoding: Teaching.self, with: .snakeCaseColumns)
    }

    /// A survey's responses and each question's answers as stored (choices joined by commas).
    struct AnswerSet: Sendable {
        let responses: Int
        let values: [UUID: [String]]
    }

    /// Kept until an answer changes: a survey of thousands is read once, not on every view of its
    /// results. The disclosure threshold is applied by whoever shows them.
    static func answerSet(surveyID: UUID, cache: ReportCache?, on db: any SQLDatabase) async throws -> AnswerSet {
        struct CountRow: Decodable { let responses: Int }
        struct ValueRow: Decodable { let questionID: UUID; let value: String }
        return try await cache.value("survey-answers:\(surveyID)", on: db) {
            async let count = db.raw("SELECT COUNT(*) AS responses FROM survey_responses WHERE survey_id = \(bind: surveyID)")
                .first(decoding: CountRow.self)
            async let rows = db.raw(
                """
                SELECT a.question_id, a.value FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id WHERE r.survey_id = \(bind: surveyID)
                """
            ).all(decoding: ValueRow.self, with: .snakeCaseColumns)
            var values: [UUID: [String]] = [:]
            for row in try await rows { values[row.questionID, default: []].append(row.value) }
            return AnswerSet(responses: try await count?.responses ?? 0, values: values)
        }
    }

    /// A survey's answers as its report shows them: choices split apart, a free text whole (its
    /// commas are its own), each question's answers in text order, so the order tells nothing
    /// about who answered what.
    struct ShownAnswers: Sendable {
        let responses: Int
        let values: [UUID: [[String]]]
    }

    /// Kept beside the answer set: splitting and sorting 5,000 responses took half of each view of the report.
    static func shownAnswers(surveyID: UUID, questions: [SurveyQuestionSpec], cache: ReportCache?, on db: any SQLDatabase) async throws -> ShownAnswers {
        try await cache.value("survey-shown:\(surveyID)", on: db) {
            let set = try await answerSet(surveyID: surveyID, cache: cache, on: db)
            let texts = Set(questions.filter { $0.kind == .text }.map(\.id))
            var values: [UUID: [[String]]] = [:]
            for (question, answers) in set.values {
                values[question] = answers.sorted().map { texts.contains(question) ? [$0] : $0.split(separator: ",").map(String.init) }
            }
            return ShownAnswers(responses: set.responses, values: values)
        }
    }

    private struct AnswerRow: Decodable { let surveyID: UUID; let kind: String; let text: String; let value: String; let answers: Int }

    /// Scale answers (and free texts when asked) of the given surveys, counted per distinct value.
    /// Callers pass only surveys that reach the disclosure threshold.
    static func answers(surveys: [UUID], withTexts: Bool, cache: ReportCache?, on db: any SQLDatabase) async throws -> [FeedbackPooling.Answer] {
        guard !surveys.isEmpty else { return [] }
        let key = "answers \(withTexts) " + surveys.map(\.uuidString).sorted().joined(separator: ",")
        return try await cache.value(key, on: db) { try await answers(surveys: surveys, withTexts: withTexts, on: db) }
    }

    private static func answers(surveys: [UUID], withTexts: Bool, on db: any SQLDatabase) async throws -> [FeedbackPooling.Answer] {
        let kinds = withTexts ? [QuestionKind.scale.rawValue, QuestionKind.text.rawValue] : [QuestionKind.scale.rawValue]
        return try await db.raw(
            """
            SELECT q.survey_id, q.kind, q.text, a.value, COUNT(*) AS answers
            FROM survey_questions q JOIN survey_answers a ON a.question_id = q.id
            WHERE q.survey_id IN (\(binds: surveys)) AND q.kind IN (\(binds: kinds))
            GROUP BY q.survey_id, q.kind, q.text, a.value
            """
        ).all(decoding: AnswerRow.self, with: .snakeCaseColumns).compactMap { row in
            QuestionKind(rawValue: row.kind).map {
                FeedbackPooling.Answer(survey: row.surveyID, kind: $0, question: row.text, value: row.value, count: row.answers)
            }
        }
    }
}
