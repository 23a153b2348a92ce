import Foundation
import Testing
@testable import CohesionCore

@Suite("Completing an edition")
struct CompletionRuleTests {
    static let first = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
    static let second = UUID(uuidString: "00000000-0000-0000-0000-000000000002")!

    static func facts(present: (Int, Int), excused: (Int, Int) = (0, 0)) -> CompletionFacts {
        CompletionFacts(parts: [
            first: .init(label: "Teil 1", units: 3, present: present.0, excused: excused.0),
            second: .init(label: "Teil 2", units: 4, present: present.1, excused: excused.1),
        ])
    }

    @Test("attendance over the required parts' units; excused absences count only when the rule says so")
    func excused() {
        var rule = CompletionRule(requiredParts: [Self.first, Self.second], minimumAttendancePercent: 80, excusedCounts: true)
        let record = Self.facts(present: (3, 2), excused: (0, 2))
        #expect(rule.attendancePercent(record) == 100)
        #expect(rule.evaluate(record) == .complete)
        rule.excusedCounts = false
        #expect(abs((rule.attendancePercent(record) ?? 0) - 500.0 / 7) < 1e-9)
        #expect(rule.evaluate(record) == .missing(["Anwesenheit 71 % (nötig: 80 %)"]))
    }

    @Test("a required part not attended at all is named; a part that is not required does not count")
    func requiredParts() {
        let rule = CompletionRule(requiredParts: [Self.second], minimumAttendancePercent: 50)
        #expect(rule.evaluate(Self.facts(present: (0, 4))) == .complete, "Part 1 is not required")
        #expect(rule.evaluate(Self.facts(present: (3, 0))) == .missing(["Teil 2 nicht besucht", "Anwesenheit 0 % (nötig: 50 %)"]))
    }

    @Test("self-assessments and the project report when required; an exception completes with its reason and keeps what was missing")
    func optionsAndExceptions() {
        let rule = CompletionRule(requiredParts: [Self.first], minimumAttendancePercent: 60, requiresSelfAssessments: true, requiresProjectReport: true)
        var record = Self.facts(present: (2, 0))
        record.answeredBefore = true
        #expect(rule.evaluate(record) == .missing(["Selbsteinschätzung nachher fehlt", "Bericht zum Praxisprojekt fehlt"]))
        record.exception = "Praxisprojekt wegen Elternzeit ausgesetzt"
        let status = rule.evaluate(record)
        #expect(status == .byException(reason: "Praxisprojekt wegen Elternzeit ausgesetzt",
                                       missing: ["Selbsteinschätzung nachher fehlt", "Bericht zum Praxisprojekt fehlt"]))
        #expect(status.isComplete)
        record.answeredAfter = true
        record.reportedProject = true
        #expect(rule.evaluate(record) == .complete, "nothing missing: the exception is not needed")
    }
}
