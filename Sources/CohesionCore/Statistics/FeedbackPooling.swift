import Foundation

/// Feedback pooled over several surveys: all surveys of a part, or all surveys about the units
/// a facilitator teaches. Scale questions are pooled into one distribution and by wording;
/// free texts are pooled by wording. Choice questions differ from survey to survey and stay in
/// each survey's own report.
public enum FeedbackPooling {
    public struct Survey: Sendable {
        public let id: UUID
        public let responses: Int

        public init(id: UUID, responses: Int) {
            self.id = id
            self.responses = responses
        }
    }

    /// Answers to a scale or free-text question that gave the same value, `count` times.
    public struct Answer: Sendable {
        public let survey: UUID
        public let kind: QuestionKind
        public let question: String
        public let value: String
        public let count: Int

        public init(survey: UUID, kind: QuestionKind, question: String, value: String, count: Int = 1) {
            self.survey = survey
            self.kind = kind
            self.question = question
            self.value = value
            self.count = count
        }
    }

    public struct Scale: Sendable, Equatable {
        public let text: String
        /// How often 1, 2, 3, 4 and 5 were chosen.
        public let distribution: [Int]
        public var answers: Int { distribution.reduce(0, +) }
        public var mean: Double? {
            answers == 0 ? nil : Double(distribution.enumerated().map { ($0.offset + 1) * $0.element }.reduce(0, +)) / Double(answers)
        }
    }

    public struct FreeTexts: Sendable, Equatable {
        public let question: String
        /// In alphabetical order, so the order tells nothing about who wrote what.
        public let texts: [String]
    }

    public struct Pooled: Sendable, Equatable {
        /// Surveys that reach the threshold on their own; only they are counted.
        public let included: Set<UUID>
        /// Surveys with answers but too few of them; they add nothing to any figure.
        public let withheld: Set<UUID>
        public let responses: Int
        /// Every scale answer of the included surveys together.
        public let overall: Scale
        public let scales: [Scale]
        public let freeTexts: [FreeTexts]
    }

    /// Only surveys that reach the threshold on their own are pooled. Pooling small surveys into
    /// a larger total would let anyone who also reads the larger surveys' own reports subtract
    /// back to the small ones.
    public static func pool(_ surveys: [Survey], answers: [Answer], rule: DisclosureRule) -> Pooled {
        let included = Set(surveys.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id))
        let withheld = Set(surveys.filter { $0.responses > 0 && !included.contains($0.id) }.map(\.id))
        let counted = answers.filter { included.contains($0.survey) }
        let scaleAnswers = counted.filter { $0.kind == .scale && Int($0.value).map((1...5).contains) == true }
        let scales = Dictionary(grouping: scaleAnswers, by: \.question)
            .map { Scale(text: $0.key, distribution: distribution($0.value)) }
            .sorted { $0.text < $1.text }
        let freeTexts = Dictionary(grouping: counted.filter { $0.kind == .text && !$0.value.isEmpty }, by: \.question)
            .map { FreeTexts(question: $0.key, texts: $0.value.flatMap { Array(repeating: $0.value, count: $0.count) }.sorted()) }
            .sorted { $0.question < $1.question }
        return Pooled(
            included: included, withheld: withheld,
            responses: surveys.filter { included.contains($0.id) }.map(\.responses).reduce(0, +),
            overall: Scale(text: "Alle Skalenfragen", distribution: distribution(scaleAnswers)),
            scales: scales, freeTexts: freeTexts)
    }

    private static func distribution(_ answers: [Answer]) -> [Int] {
        var counts = [0, 0, 0, 0, 0]
        for answer in answers { if let value = Int(answer.value) { counts[value - 1] += answer.count } }
        return counts
    }
}
