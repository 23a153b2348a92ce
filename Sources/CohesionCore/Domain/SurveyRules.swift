import Foundation

/// The kinds of questions a feedback survey can ask.
public enum QuestionKind: String, CaseIterable, Sendable, Codable {
    case scale, single, multiple, text

    public var label: String {
        switch self {
        case .scale: "Skala 1 bis 5"
        case .single: "Einfachauswahl"
        case .multiple: "Mehrfachauswahl"
        case .text: "Freitext"
        }
    }
}

/// A question as the survey form and the report need it.
public struct SurveyQuestionSpec: Sendable {
    public let id: UUID
    public let kind: QuestionKind
    public let text: String
    public let options: [String]

    public init(id: UUID, kind: QuestionKind, text: String, options: [String]) {
        self.id = id
        self.kind = kind
        self.text = text
        self.options = options
    }
}

public enum SurveyRules {
    /// Checks one person's answers: scale 1–5, choices among the options, text at most 2000
    /// characters. Unanswered questions are allowed (feedback is voluntary); returns stored values.
    public static func check(_ questions: [SurveyQuestionSpec], answers: [UUID: [String]]) -> Checked<[UUID: [String]]> {
        var errors = FieldErrors()
        var stored: [UUID: [String]] = [:]
        for question in questions {
            let given = (answers[question.id] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !given.isEmpty else { continue }
            let field = "q-" + question.id.uuidString
            switch question.kind {
            case .scale:
                if given.count == 1, let value = Int(given[0]), (1...5).contains(value) {
                    stored[question.id] = ["\(value)"]
                } else {
                    errors.add(field, "Bitte einen Wert von 1 bis 5 wählen.")
                }
            case .single, .multiple:
                let indexes = given.compactMap(Int.init).filter { question.options.indices.contains($0) }
                if indexes.count != given.count || (question.kind == .single && indexes.count > 1) {
                    errors.add(field, "Bitte nur aus den angebotenen Antworten wählen.")
                } else {
                    stored[question.id] = Array(Set(indexes)).sorted().map(String.init)
                }
            case .text:
                let text = given.joined(separator: "\n")
                if text.count > 2000 { errors.add(field, "Höchstens 2000 Zeichen, bitte kürzen.") } else { stored[question.id] = [text] }
            }
        }
        return errors.isEmpty ? .valid(stored) : .invalid(errors)
    }

    /// How often each option (or scale value) was chosen.
    public static func distribution(_ question: SurveyQuestionSpec, answers: [[String]]) -> [(label: String, count: Int)] {
        switch question.kind {
        case .scale:
            return (1...5).map { value in ("\(value)", answers.filter { $0.contains("\(value)") }.count) }
        case .single, .multiple:
            return question.options.enumerated().map { index, option in (option, answers.filter { $0.contains("\(index)") }.count) }
        case .text:
            return []
        }
    }
}
