import Foundation
import Testing

@testable import CohesionCore

/// Expected numbers were computed independently with SciPy 1.17 (`scipy.stats.t.ppf`, `t.cdf`
/// and `ttest_rel(after, before).confidence_interval(0.95)`), not with this code.
@Suite("Statistics for change before and after")
struct StatisticsTests {
    /// Ten people's levels before and after, the input of every SciPy figure below.
    let before: [Double] = [2, 3, 2, 4, 3, 1, 2, 3, 3, 2]
    let after: [Double] = [4, 4, 3, 4, 5, 3, 3, 4, 4, 3]

    @Test(
        "t quantiles and CDF match SciPy",
        arguments: [
            (0.975, 4.0, 2.7764451051977934), (0.975, 29.0, 2.045229642132703), (0.9, 2.0, 1.8856180831641272),
        ])
    func quantiles(probability: Double, df: Double, expected: Double) {
        #expect(abs(StudentT.quantile(probability, degreesOfFreedom: df) - expected) < 1e-9)
    }

    @Test("the CDF matches SciPy")
    func cdf() {
        #expect(abs(StudentT.cdf(1.5, degreesOfFreedom: 7) - 0.911350756505015) < 1e-12)
        #expect(abs(StudentT.cdf(-1.5, degreesOfFreedom: 7) - (1 - 0.911350756505015)) < 1e-12)
    }

    @Test("paired change: mean difference, 95% interval and Cohen's d_z as SciPy computes them")
    func pairedChange() throws {
        let change = try #require(PairedChange(pairs: Array(zip(before, after)).map { (before: $0.0, after: $0.1) }))
        expectSciPyFigures(change)
    }

    /// `ttest_rel` on the ten pairs above: mean difference 1.2, SD 0.632…, interval and d_z.
    func expectSciPyFigures(_ change: PairedChange) {
        #expect(change.count == 10)
        #expect(abs(change.meanDifference - 1.2) < 1e-12)
        #expect(abs(change.standardDeviation - 0.6324555320336759) < 1e-12)
        #expect(abs(change.confidenceLow - 0.7475685674403589) < 1e-9)
        #expect(abs(change.confidenceHigh - 1.652431432559641) < 1e-9)
        #expect(abs((change.cohensD ?? 0) - 1.8973665961010275) < 1e-12)
        #expect(abs(change.meanBefore - 2.5) < 1e-12 && abs(change.meanAfter - 3.7) < 1e-12)
    }

    @Test("summed pairs give the same figures as the pairs themselves, also when groups are added up")
    func fromSums() throws {
        func sums(_ range: Range<Int>) -> PairedChange.Sums {
            range.reduce(PairedChange.Sums()) { total, index in
                let difference = after[index] - before[index]
                return total
                    + PairedChange.Sums(
                        count: 1, before: before[index], after: after[index], difference: difference,
                        squaredDifference: difference * difference)
            }
        }
        expectSciPyFigures(try #require(PairedChange(sums: sums(0..<4) + sums(4..<10))))
        #expect(PairedChange(sums: PairedChange.Sums(count: 2, before: 2, after: 4, difference: 2, squaredDifference: 2))?.cohensD == nil)
    }

    @Test("fewer than two pairs give no result; equal differences give no effect size")
    func degenerate() {
        #expect(PairedChange(pairs: [(before: 1, after: 2)]) == nil)
        #expect(PairedChange(pairs: [(before: 1, after: 2), (before: 3, after: 4)])?.cohensD == nil)
    }

    @Test("small groups stay hidden; the threshold never goes below 3")
    func disclosure() {
        #expect(!DisclosureRule().mayShow(groupOf: 4))
        #expect(DisclosureRule().mayShow(groupOf: 5))
        #expect(DisclosureRule(minimumGroupSize: 1).minimumGroupSize == 3)
    }

    @Test("in a split, the hidden groups together reach the threshold, so subtracting from the total reveals no small group")
    func complementaryHiding() {
        let rule = DisclosureRule()
        #expect(rule.hiddenGroups(["A": 8, "B": 6, "C": 5]).isEmpty)
        #expect(rule.hiddenGroups(["A": 8, "B": 6, "C": 2]) == ["B", "C"])
        #expect(rule.hiddenGroups(["A": 8, "B": 3, "C": 2]) == ["B", "C"], "3 + 2 hidden together already reach five")
        #expect(rule.hiddenGroups(["A": 8, "B": 1]) == ["A", "B"])
        #expect(rule.hiddenGroups(["A": 6, "B": 6, "C": 1]) == ["A", "C"], "equal groups: the first by name goes, on every request")
        #expect(rule.hiddenGroups(["A": 9, "B": 0]).isEmpty, "an empty group hides nothing")
    }
}

@Suite("Self-assessment rules")
struct SelfAssessmentRulesTests {
    @Test("phases have codes, German labels and an order in time")
    func phases() {
        #expect(AssessmentPhaseKind(code: "part-2") == .afterPart(2))
        #expect(AssessmentPhaseKind(code: "part-x") == nil)
        #expect(AssessmentPhaseKind.afterPart(2).label == "Nach Teil 2")
        #expect([AssessmentPhaseKind.post, .pre, .afterPart(1)].sorted { $0.order < $1.order } == [.pre, .afterPart(1), .post])
    }

    @Test("level and need are required from 1 to 5; the retrospective level only when asked and given")
    func ratings() {
        guard case .valid(let rating) = RatingInput(level: "2", need: "5", retrospective: "1").check(field: "a", asksRetrospective: true) else {
            Issue.record("expected valid"); return
        }
        #expect(rating == Rating(level: 2, need: 5, retrospective: 1, note: ""))
        guard case .valid(let unasked) = RatingInput(level: "2", need: "5", retrospective: "1").check(field: "a", asksRetrospective: false) else {
            Issue.record("expected valid"); return
        }
        #expect(unasked.retrospective == nil)
        guard case .invalid(let errors) = RatingInput(level: "6", need: "").check(field: "a", asksRetrospective: false) else {
            Issue.record("expected invalid"); return
        }
        #expect(errors["a-level"] == "Bitte Ihren Stand von 1 bis 5 wählen.")
        #expect(errors["a-need"] == "Bitte Ihren Bedarf von 1 bis 5 wählen.")
    }
}

@Suite("Needs analysis")
struct NeedsAnalysisTests {
    let network = UUID()
    let concepts = UUID()

    /// One tally per answer, as if the database had not summed at all.
    func answers() -> [NeedsAnalysis.Tally] {
        // Six officers in cities, five in counties, three in villages: the village group is below the threshold.
        let needs = [
            (5, "Stadt"), (4, "Stadt"), (4, "Stadt"), (5, "Stadt"), (3, "Stadt"), (4, "Stadt"),
            (3, "Kreis"), (3, "Kreis"), (4, "Kreis"), (2, "Kreis"), (3, "Kreis"),
            (2, "Gemeinde"), (5, "Gemeinde"), (4, "Gemeinde"),
        ]
        return needs.map { NeedsAnalysis.Tally(area: network, group: $0.1, count: 1, needSum: $0.0) }
    }

    @Test("the map shows the mean need and the count per group; it hides groups below the threshold and the next smallest, which would give them away")
    func map() {
        let map = NeedsAnalysis.map(answers(), rule: DisclosureRule())
        #expect(map[network]?["Stadt"] == NeedsAnalysis.Cell(count: 6, meanNeed: 25.0 / 6.0))
        #expect(map[network]?["Gemeinde"] == NeedsAnalysis.Cell(count: 3, meanNeed: nil))
        // Shown beside the overall mean, the counties' mean would let anyone subtract back to the three villages.
        #expect(map[network]?["Kreis"] == NeedsAnalysis.Cell(count: 5, meanNeed: nil))
    }

    @Test("strong needs no unit covers come first, with the reason; weakly needed areas the part serves follow")
    func suggestions() {
        let summaries = [
            NeedsAnalysis.AreaSummary(
                area: network, title: "Netzwerk- und Schnittstellenarbeit", respondents: 10, strong: 7,
                meanNeed: 4.1, coveringUnits: 0),
            NeedsAnalysis.AreaSummary(
                area: concepts, title: "Integrationskonzepte", respondents: 10, strong: 1,
                meanNeed: 2.2, coveringUnits: 2),
            NeedsAnalysis.AreaSummary(area: UUID(), title: "Klein", respondents: 4, strong: 4, meanNeed: 5, coveringUnits: 0),
        ]
        let result = NeedsAnalysis.suggestions(summaries, partLabel: "Teil 2", rule: DisclosureRule())
        #expect(
            result.map(\.text) == [
                "7 von 10 schätzen „Netzwerk- und Schnittstellenarbeit“ als starken Bedarf ein; keine Einheit von Teil 2 deckt es ab. Eine Einheit dazu einplanen.",
                "„Integrationskonzepte“ behandeln in Teil 2 2 Einheiten, der Bedarf liegt aber im Mittel nur bei 2,2. Die Zeit dafür prüfen.",
            ])
    }
}

@Suite("Recommendations")
struct RecommendationTests {
    @Test("the largest gaps between need and level come first, and units are matched to them with the reason")
    func recommend() {
        let network = UUID()
        let concepts = UUID()
        let role = UUID()
        let gaps = Recommendations.gaps([
            (area: network, title: "Netzwerkarbeit", level: 2, need: 5),
            (area: concepts, title: "Konzepte", level: 3, need: 4),
            (area: role, title: "Rolle", level: 4, need: 3),
        ])
        #expect(gaps.map(\.area) == [network, concepts])
        let workshop = UUID()
        let lecture = UUID()
        let result = Recommendations.units(
            for: gaps,
            offers: [
                .init(unit: lecture, title: "Konzepte im Wandel", areas: [concepts]),
                .init(unit: workshop, title: "Netzwerke knüpfen", areas: [network, concepts]),
            ])
        #expect(result.map(\.unit) == [workshop, lecture])
        #expect(result[0].reason == "Ihr Bedarf in „Netzwerkarbeit“ (5) liegt 3 Punkte über Ihrem Stand (2); diese Einheit behandelt das Feld.")
        #expect(result[1].reason.contains("liegt 1 Punkt über"))
    }
}

@Suite("Pooled feedback")
struct FeedbackPoolingTests {
    let large = UUID(), other = UUID(), small = UUID()

    func answers() -> [FeedbackPooling.Answer] {
        let overall = "Wie zufrieden waren Sie insgesamt?"
        return [4, 5, 5, 3, 4].map { FeedbackPooling.Answer(survey: large, kind: .scale, question: overall, value: "\($0)") }
            + [2, 4, 4, 4, 5, 1].map { FeedbackPooling.Answer(survey: other, kind: .scale, question: overall, value: "\($0)") }
            + [FeedbackPooling.Answer(survey: other, kind: .scale, question: "Praxisbezug", value: "5")]
            + ["Mehr Pausen", "Gute Beispiele"].map { FeedbackPooling.Answer(survey: large, kind: .text, question: "Was war hilfreich?", value: $0) }
            + [1, 1].map { FeedbackPooling.Answer(survey: small, kind: .scale, question: overall, value: "\($0)") }
            + [FeedbackPooling.Answer(survey: small, kind: .text, question: "Was war hilfreich?", value: "Nichts")]
    }

    @Test("surveys reaching the threshold are pooled by wording; a small survey adds no figure and no text")
    func pool() {
        let surveys = [
            FeedbackPooling.Survey(id: large, responses: 5), .init(id: other, responses: 6), .init(id: small, responses: 2),
            .init(id: UUID(), responses: 0),
        ]
        let pooled = FeedbackPooling.pool(surveys, answers: answers(), rule: DisclosureRule())
        #expect(pooled.included == [large, other])
        #expect(pooled.withheld == [small])
        #expect(pooled.responses == 11)
        #expect(pooled.overall.distribution == [1, 1, 1, 5, 4])
        #expect(pooled.overall.mean == 46.0 / 12.0)
        #expect(pooled.scales.map(\.text) == ["Praxisbezug", "Wie zufrieden waren Sie insgesamt?"])
        #expect(pooled.scales[1].distribution == [1, 1, 1, 5, 3])
        #expect(pooled.freeTexts == [FeedbackPooling.FreeTexts(question: "Was war hilfreich?", texts: ["Gute Beispiele", "Mehr Pausen"])])
    }

    @Test("with no survey at the threshold nothing is shown")
    func nothing() {
        let pooled = FeedbackPooling.pool([.init(id: small, responses: 2)], answers: answers(), rule: DisclosureRule())
        #expect(pooled.included.isEmpty && pooled.responses == 0 && pooled.overall.mean == nil && pooled.freeTexts.isEmpty)
    }
}

@Suite("Numbers as German reports print them")
struct GermanDecimalTests {
    @Test(
        "a half rounds away from zero, with a comma",
        arguments: [
            (3.25, 1, "3,3"), (-0.25, 1, "-0,3"), (1.125, 2, "1,13"), (2.0, 1, "2,0"), (3.24, 1, "3,2"),
        ])
    func commercialRounding(value: Double, digits: Int, expected: String) {
        #expect(germanDecimal(value, digits: digits) == expected)
    }
}
