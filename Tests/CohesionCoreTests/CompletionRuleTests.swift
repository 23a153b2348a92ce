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
        #expect(
            status
                == .byException(
                    reason: "Praxisprojekt wegen Elternzeit ausgesetzt",
                    missing: ["Selbsteinschätzung nachher fehlt", "Bericht zum Praxisprojekt fehlt"]))
        #expect(status.isComplete)
        record.answeredAfter = true
        record.reportedProject = true
        #expect(rule.evaluate(record) == .complete, "nothing missing: the exception is not needed")
    }
}

@Suite("Certificate codes and templates")
struct CertificateCoreTests {
    @Test("codes are 16 of 32 unambiguous characters in four groups; typed ones are read forgivingly")
    func codes() {
        var generator = SystemRandomNumberGenerator()
        let codes = (0..<200).map { _ in VerificationCode.make(using: &generator) }
        #expect(Set(codes).count == 200)
        #expect(codes.allSatisfy { $0.count == 19 && $0.split(separator: "-").count == 4 && !$0.contains("I") && !$0.contains("O") })
        #expect(VerificationCode.normalized("7kq2 9xmd pa4t 3hwc") == "7KQ2-9XMD-PA4T-3HWC")
        #expect(VerificationCode.normalized("oil2-9XMD-PA4T-3HWC") == "0112-9XMD-PA4T-3HWC")
        #expect(VerificationCode.normalized("7KQ2-9XMD") == nil)
    }

    @Test("placeholders are filled with escaped text; several lines stay in one paragraph")
    func template() {
        let filled = CertificateTemplate.fill(
            "<text:p>{{NAME}}</text:p><text:p>{{TEILE}}</text:p>",
            with: ["NAME": ["A & B <C>"], "TEILE": ["Teil 1", "Teil 2"]], verificationURL: "https://x.test/n/1")
        #expect(filled == "<text:p>A &amp; B &lt;C&gt;</text:p><text:p>Teil 1<text:line-break/>Teil 2</text:p>")
        let picture = CertificateTemplate.fill("<text:p>{{QR}}</text:p>", with: [:], verificationURL: "https://x.test/n/1")
        #expect(picture.hasPrefix("<text:p><draw:frame") && picture.contains("<office:binary-data>"))
        #expect(
            CertificateStatement.hours(90) == "1,5 Stunden" && CertificateStatement.hours(60) == "1 Stunde" && CertificateStatement.hours(600) == "10 Stunden")
    }
}
