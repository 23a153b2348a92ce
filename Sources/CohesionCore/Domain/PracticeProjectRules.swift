import Foundation

/// How a practice project turned out, reported at the next part.
public enum ProjectOutcome: String, CaseIterable, Sendable, Codable {
    case done, partly, not

    public var label: String {
        switch self {
        case .done: "umgesetzt"
        case .partly: "teilweise umgesetzt"
        case .not: "nicht umgesetzt"
        }
    }
}

/// A practice project as typed at the end of a part: what, how to start, by when.
public struct ProjectInput: Sendable, Equatable {
    public var partID = ""
    public var goal = ""
    public var firstSteps = ""
    public var dueOn = ""

    public init() {}
}

public struct ProjectValues: Sendable, Equatable {
    public var partID: UUID
    public var goal: String
    public var firstSteps: String
    public var dueOn: CalendarDay
}

extension ProjectInput {
    /// `parts` are the parts one may set a project for, with their last day: the project is due after it.
    public func check(parts: [UUID: CalendarDay]) -> Checked<ProjectValues> {
        var errors = FieldErrors()
        let part = UUID(uuidString: partID)
        let partEnd = part.flatMap { parts[$0] }
        if partEnd == nil { errors.add("partID", "Bitte den Teil wählen, an dessen Ende Sie das Projekt vereinbart haben.") }
        let goal = errors.require("goal", self.goal, "das Ziel", maxLength: 500, multiline: true)
        let steps = errors.require("firstSteps", firstSteps, "die ersten Schritte", maxLength: 2000, multiline: true)
        let due = CalendarDay(typed: dueOn)
        if due == nil {
            errors.add("dueOn", "Bitte ein Datum angeben (TT.MM.JJJJ).")
        } else if let partEnd, due! <= partEnd {
            errors.add("dueOn", "Das Datum muss nach dem Ende des Teils liegen (\(partEnd.german)).")
        }
        guard errors.isEmpty, let part, let due else { return .invalid(errors) }
        return .valid(ProjectValues(partID: part, goal: goal, firstSteps: steps, dueOn: due))
    }
}
