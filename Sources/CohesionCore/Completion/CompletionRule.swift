import Foundation

/// What completing an edition means, as the lead sets it: the parts one must attend, the share
/// of their units attended (with or without excused absences), and optionally the
/// self-assessments before and after and the report on a practice project.
public struct CompletionRule: Sendable, Codable, Equatable {
    public var requiredParts: [UUID]
    /// 0–100: present (and, if `excusedCounts`, excused) units of the required parts over all of them.
    public var minimumAttendancePercent: Int
    public var excusedCounts: Bool
    public var requiresSelfAssessments: Bool
    public var requiresProjectReport: Bool

    public init(
        requiredParts: [UUID], minimumAttendancePercent: Int = 80, excusedCounts: Bool = true,
        requiresSelfAssessments: Bool = false, requiresProjectReport: Bool = false
    ) {
        self.requiredParts = requiredParts
        self.minimumAttendancePercent = minimumAttendancePercent
        self.excusedCounts = excusedCounts
        self.requiresSelfAssessments = requiresSelfAssessments
        self.requiresProjectReport = requiresProjectReport
    }
}

/// One participant's record, as far as the rule asks about it.
public struct CompletionFacts: Sendable, Equatable {
    public struct PartRecord: Sendable, Equatable {
        public let label: String
        public let units: Int
        public let present: Int
        public let excused: Int

        public init(label: String, units: Int, present: Int, excused: Int) {
            self.label = label
            self.units = units
            self.present = present
            self.excused = excused
        }
    }

    public var parts: [UUID: PartRecord]
    public var answeredBefore: Bool
    public var answeredAfter: Bool
    public var reportedProject: Bool
    /// The lead's reason when they granted completion despite what is missing.
    public var exception: String?

    public init(
        parts: [UUID: PartRecord], answeredBefore: Bool = false, answeredAfter: Bool = false, reportedProject: Bool = false,
        exception: String? = nil
    ) {
        self.parts = parts
        self.answeredBefore = answeredBefore
        self.answeredAfter = answeredAfter
        self.reportedProject = reportedProject
        self.exception = exception
    }
}

public enum CompletionStatus: Sendable, Equatable {
    case complete
    /// Something is missing, but the lead granted completion for this reason.
    case byException(reason: String, missing: [String])
    case missing([String])

    public var isComplete: Bool {
        switch self {
        case .complete, .byException: true
        case .missing: false
        }
    }
}

extension CompletionRule {
    /// The share of the required parts' units counted as attended, 0–100; nil without units.
    public func attendancePercent(_ facts: CompletionFacts) -> Double? {
        let records = requiredParts.compactMap { facts.parts[$0] }
        let units = records.reduce(0) { $0 + $1.units }
        guard units > 0 else { return nil }
        let attended = records.reduce(0) { $0 + $1.present + (excusedCounts ? $1.excused : 0) }
        return Double(attended) * 100 / Double(units)
    }

    /// Whether the participant has completed, and if not, what is missing, in words for the lead and the participant.
    public func evaluate(_ facts: CompletionFacts) -> CompletionStatus {
        var missing: [String] = []
        for partID in requiredParts {
            guard let record = facts.parts[partID] else { continue }
            let attended = record.present + (excusedCounts ? record.excused : 0)
            if record.units > 0 && attended == 0 { missing.append("\(record.label) nicht besucht") }
        }
        if let percent = attendancePercent(facts), percent + 1e-9 < Double(minimumAttendancePercent) {
            missing.append("Anwesenheit \(Int(percent.rounded(.down))) % (nötig: \(minimumAttendancePercent) %)")
        }
        if requiresSelfAssessments && !facts.answeredBefore { missing.append("Selbsteinschätzung vorher fehlt") }
        if requiresSelfAssessments && !facts.answeredAfter { missing.append("Selbsteinschätzung nachher fehlt") }
        if requiresProjectReport && !facts.reportedProject { missing.append("Bericht zum Praxisprojekt fehlt") }
        if missing.isEmpty { return .complete }
        if let reason = facts.exception { return .byException(reason: reason, missing: missing) }
        return .missing(missing)
    }
}

extension CompletionRule {
    /// The rule in words, for the certificate's badge: `partLabels` names the required parts in order.
    public func narrative(partLabels: [String]) -> String {
        var sentences: [String] = []
        if !partLabels.isEmpty {
            let list = partLabels.count > 1 ? partLabels.dropLast().joined(separator: ", ") + " und " + partLabels[partLabels.count - 1] : partLabels[0]
            sentences.append("Teilnahme an \(list).")
        }
        sentences.append(
            "Mindestens \(minimumAttendancePercent) % der Einheiten dieser Teile besucht"
                + (excusedCounts ? "; entschuldigte Fehlzeiten zählen mit." : "; entschuldigte Fehlzeiten zählen nicht."))
        if requiresSelfAssessments { sentences.append("Selbsteinschätzung zu Beginn und am Ende ausgefüllt.") }
        if requiresProjectReport { sentences.append("Bericht über das Praxisprojekt abgegeben.") }
        return sentences.joined(separator: " ")
    }
}
