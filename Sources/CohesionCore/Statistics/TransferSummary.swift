import Foundation

/// Transfer into practice (Kirkpatrick level 3), asked some months after the last part: what
/// changed in the municipality, what helped and what hindered, and how the practice projects
/// ended. Reported as counts per option, only when enough people answered.
public enum TransferOption {
    public struct Choice: Sendable, Hashable {
        public let code: String
        public let label: String

        public init(code: String, label: String) {
            self.code = code
            self.label = label
        }
    }

    /// What changed in the municipality since the programme.
    public static let changes = [
        Choice(code: "konzept-entwurf", label: "Integrationskonzept entworfen"),
        Choice(code: "konzept-beschluss", label: "Integrationskonzept beschlossen"),
        Choice(code: "netzwerktreffen", label: "Regelmäßiges Netzwerktreffen begonnen"),
        Choice(code: "kooperation", label: "Neue Kooperation vereinbart"),
    ]

    public static let helped = [
        Choice(code: "verwaltungsspitze", label: "Rückhalt der Verwaltungsspitze"),
        Choice(code: "netzwerk", label: "Das lokale Netzwerk"),
        Choice(code: "kohorte", label: "Austausch mit der Kohorte"),
        Choice(code: "inhalte", label: "Inhalte der Fortbildung"),
        Choice(code: "ressourcen", label: "Zeit und Mittel"),
    ]

    public static let hindered = [
        Choice(code: "zeit", label: "Zu wenig Zeit"),
        Choice(code: "personal", label: "Personalwechsel oder unbesetzte Stellen"),
        Choice(code: "politik", label: "Politische Lage vor Ort"),
        Choice(code: "mittel", label: "Fehlende Mittel"),
        Choice(code: "auftrag", label: "Unklarer Auftrag der Stelle"),
    ]
}

/// One answer to the follow-up: the codes ticked in each question.
public struct TransferAnswer: Sendable, Equatable {
    public let areasUsed: Set<String>
    public let changes: Set<String>
    public let helped: Set<String>
    public let hindered: Set<String>

    public init(areasUsed: Set<String>, changes: Set<String>, helped: Set<String>, hindered: Set<String>) {
        self.areasUsed = areasUsed
        self.changes = changes
        self.helped = helped
        self.hindered = hindered
    }
}

public struct TransferSummary: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public let code: String
        public let label: String
        public let count: Int
    }

    public let responses: Int
    /// Empty when fewer responses than the threshold: then no count is shown.
    public let areasUsed: [Count]
    public let changes: [Count]
    public let helped: [Count]
    public let hindered: [Count]
    /// How many reported at least one change in their municipality; nil below the threshold.
    public let withAnyChange: Int?
    /// Practice projects by outcome (done, partly, not), and how many have no report yet; nil
    /// when fewer projects than the threshold.
    public let outcomes: [Count]?
    public let projects: Int

    public var isShown: Bool { !areasUsed.isEmpty || !changes.isEmpty }

    /// Counts over the answers, in the order of the options; `areas` names the competence areas by id.
    public init(answers: [TransferAnswer], areas: [TransferOption.Choice], outcomes: [ProjectOutcome?], rule: DisclosureRule) {
        responses = answers.count
        func counted(_ choices: [TransferOption.Choice], _ picked: (TransferAnswer) -> Set<String>) -> [Count] {
            guard rule.mayShow(groupOf: answers.count) else { return [] }
            return choices.map { choice in Count(code: choice.code, label: choice.label, count: answers.filter { picked($0).contains(choice.code) }.count) }
        }
        areasUsed = counted(areas, \.areasUsed)
        changes = counted(TransferOption.changes, \.changes)
        helped = counted(TransferOption.helped, \.helped)
        hindered = counted(TransferOption.hindered, \.hindered)
        withAnyChange = rule.mayShow(groupOf: answers.count) ? answers.filter { !$0.changes.isEmpty }.count : nil
        projects = outcomes.count
        if rule.mayShow(groupOf: outcomes.count) {
            self.outcomes =
                ProjectOutcome.allCases.map { outcome in
                    Count(code: outcome.rawValue, label: outcome.label, count: outcomes.filter { $0 == outcome }.count)
                } + [Count(code: "offen", label: "noch ohne Bericht", count: outcomes.filter { $0 == nil }.count)]
        } else {
            self.outcomes = nil
        }
    }
}
