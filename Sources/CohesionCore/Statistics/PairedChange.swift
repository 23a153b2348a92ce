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
    }
}
