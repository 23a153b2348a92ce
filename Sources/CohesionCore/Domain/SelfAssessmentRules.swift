/// When a self-assessment is taken: before Part 1, after a part, or at the end.
public enum AssessmentPhaseKind: Sendable, Equatable, Hashable {
    case pre
    case afterPart(Int)
    case post

    public init?(code: String) {
        switch code {
        case "pre": self = .pre
        case "post": self = .post
        default:
            guard code.hasPrefix("part-"), let number = Int(code.dropFirst(5)), (1...99).contains(number) else { return nil }
            self = .afterPart(number)
        }
    }

    public var code: String {
        switch self {
        case .pre: "pre"
        case .afterPart(let number): "part-\(number)"
        case .post: "post"
        }
    }

    public var label: String {
        switch self {
        case .pre: "Vorher (vor Teil 1)"
        case .afterPart(let number): "Nach Teil \(number)"
        case .post: "Nachher (zum Abschluss)"
        }
    }

    /// Where the phase stands in time, for ordering and charts.
    public var order: Int {
        switch self {
        case .pre: 0
        case .afterPart(let number): number
        case .post: 1_000
        }
    }
}

/// One competence area's answer as typed: level and need 1–5, optionally the retrospective
/// "before" level (then-test), and a note.
public struct RatingInput: Sendable, Equatable {
    public var level: String
    public var need: String
    public var retrospective: String
    public var note: String

    public init(level: String, need: String, retrospective: String = "", note: String = "") {
        self.level = level
        self.need = need
        self.retrospective = retrospective
        self.note = note
    }
}

public struct Rating: Sendable, Equatable {
    public var level: Int
    public var need: Int
    public var retrospective: Int?
    public var note: String
}

extension RatingInput {
    /// `field` prefixes the error keys, so each area's messages stand next to its own radios.
    public func check(field: String, asksRetrospective: Bool) -> Checked<Rating> {
        var errors = FieldErrors()
        let level = Int(self.level).flatMap { (1...5).contains($0) ? $0 : nil }
        let need = Int(self.need).flatMap { (1...5).contains($0) ? $0 : nil }
        if level == nil { errors.add(field + "-level", "Bitte Ihren Stand von 1 bis 5 wählen.") }
        if need == nil { errors.add(field + "-need", "Bitte Ihren Bedarf von 1 bis 5 wählen.") }
        var retrospective: Int?
        if asksRetrospective && !self.retrospective.isEmpty {
            retrospective = Int(self.retrospective).flatMap { (1...5).contains($0) ? $0 : nil }
            if retrospective == nil { errors.add(field + "-retro", "Bitte einen Wert von 1 bis 5 wählen.") }
        }
        let note = errors.optional(field + "-note", self.note, maxLength: 1000)
        guard errors.isEmpty, let level, let need else { return .invalid(errors) }
        return .valid(Rating(level: level, need: need, retrospective: retrospective, note: note))
    }
}
