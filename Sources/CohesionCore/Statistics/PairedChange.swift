import Foundation

/// Change between two measurements of the same people (self-assessment before and after):
/// the mean of the paired differences with its 95% confidence interval (t distribution) and
/// the effect size for paired samples, Cohen's d_z = mean difference / SD of the differences.
public struct PairedChange: Sendable, Equatable, Codable {
    public let count: Int
    public let meanBefore: Double
    public let meanAfter: Double
    public let meanDifference: Double
    public let standardDeviation: Double
    public let confidenceLow: Double
    public let confidenceHigh: Double
    /// Nil when every difference is the same (no spread to scale by).
    public let cohensD: Double?
    /// The mean of the "before" given afterwards (then-test), when every pair has one. Below
    /// `meanBefore` it shows response shift: people judged their start lower once they knew more.
    public let meanRetrospective: Double?
    /// The then-test change (after minus the retrospective "before"), when every pair has a
    /// retrospective level. Reported beside the classic change: the literature on the
    /// retrospective pretest finds neither automatically less biased.
    public let thenTest: Difference?

    /// A mean paired difference with its interval and effect size.
    public struct Difference: Sendable, Equatable, Codable {
        public let count: Int
        public let mean: Double
        public let standardDeviation: Double
        public let confidenceLow: Double
        public let confidenceHigh: Double
        /// Nil when every difference is the same.
        public let cohensD: Double?

        /// From the count, the sum and the sum of squares of the differences; nil below two.
        public init?(count: Int, sum: Double, squaredSum: Double, confidence: Double = 0.95) {
            guard count >= 2 else { return nil }
            let n = Double(count)
            let mean = sum / n
            let sd = max(0, (squaredSum - n * mean * mean) / (n - 1)).squareRoot()
            let margin = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: n - 1) * sd / n.squareRoot()
            self.count = count
            self.mean = mean
            standardDeviation = sd
            confidenceLow = mean - margin
            confidenceHigh = mean + margin
            cohensD = sd > 1e-12 ? mean / sd : nil
        }
    }

    /// What a database can sum for a group of pairs; groups combine by adding their sums.
    public struct Sums: Sendable, Equatable {
        public var count: Int
        public var before: Double
        public var after: Double
        public var difference: Double
        public var squaredDifference: Double
        /// The retrospective levels summed, and how many pairs had one.
        public var retrospective: Double
        public var retrospectiveCount: Int
        /// After minus the retrospective level, summed and squared, over the pairs that have one.
        public var thenDifference: Double
        public var thenSquaredDifference: Double

        public init(
            count: Int = 0, before: Double = 0, after: Double = 0, difference: Double = 0, squaredDifference: Double = 0,
            retrospective: Double = 0, retrospectiveCount: Int = 0, thenDifference: Double = 0, thenSquaredDifference: Double = 0
        ) {
            self.count = count
            self.before = before
            self.after = after
            self.difference = difference
            self.squaredDifference = squaredDifference
            self.retrospective = retrospective
            self.retrospectiveCount = retrospectiveCount
            self.thenDifference = thenDifference
            self.thenSquaredDifference = thenSquaredDifference
        }

        public static func + (lhs: Sums, rhs: Sums) -> Sums {
            Sums(
                count: lhs.count + rhs.count, before: lhs.before + rhs.before, after: lhs.after + rhs.after,
                difference: lhs.difference + rhs.difference, squaredDifference: lhs.squaredDifference + rhs.squaredDifference,
                retrospective: lhs.retrospective + rhs.retrospective, retrospectiveCount: lhs.retrospectiveCount + rhs.retrospectiveCount,
                thenDifference: lhs.thenDifference + rhs.thenDifference,
                thenSquaredDifference: lhs.thenSquaredDifference + rhs.thenSquaredDifference)
        }
    }

    /// The same figures from sums, so a report need not load every pair. With levels from 1 to 5
    /// the sums are exact integers and the one-pass variance loses nothing that matters.
    public init?(sums: Sums, confidence: Double = 0.95) {
        guard sums.count >= 2 else { return nil }
        let n = Double(sums.count)
        let mean = sums.difference / n
        let variance = max(0, (sums.squaredDifference - n * mean * mean) / (n - 1))
        let sd = variance.squareRoot()
        let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: n - 1)
        let margin = t * sd / n.squareRoot()
        count = sums.count
        meanBefore = sums.before / n
        meanAfter = sums.after / n
        meanDifference = mean
        standardDeviation = sd
        confidenceLow = mean - margin
        confidenceHigh = mean + margin
        cohensD = sd > 1e-12 ? mean / sd : nil
        let complete = sums.retrospectiveCount == sums.count
        meanRetrospective = complete ? sums.retrospective / n : nil
        thenTest = complete ? Difference(count: sums.count, sum: sums.thenDifference, squaredSum: sums.thenSquaredDifference, confidence: confidence) : nil
    }

    /// Nil for fewer than two pairs: no spread, no interval.
    public init?(pairs: [(before: Double, after: Double)], confidence: Double = 0.95) {
        guard pairs.count >= 2 else { return nil }
        let n = Double(pairs.count)
        let differences = pairs.map { $0.after - $0.before }
        let mean = differences.reduce(0, +) / n
        let variance = differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (n - 1)
        let sd = variance.squareRoot()
        let t = StudentT.quantile(1 - (1 - confidence) / 2, degreesOfFreedom: n - 1)
        let margin = t * sd / n.squareRoot()
        count = pairs.count
        meanBefore = pairs.map(\.before).reduce(0, +) / n
        meanAfter = pairs.map(\.after).reduce(0, +) / n
        meanDifference = mean
        standardDeviation = sd
        confidenceLow = mean - margin
        confidenceHigh = mean + margin
        cohensD = sd > 0 ? mean / sd : nil
        meanRetrospective = nil
        thenTest = nil
    }
}
