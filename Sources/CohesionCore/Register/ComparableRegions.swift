import Foundation

/// Nearest neighbours among regions of one kind, in the manner of CIPFA's and NHS England's peer
/// groups: each indicator is put on a robust z-scale over the comparison set (its median and
/// MAD, so that a few very large cities do not stretch the scale for everyone), and the distance
/// of two regions is the weighted Euclidean distance of their scaled values.
public enum ComparableRegions {
    /// One indicator of the comparison, with its weight in the distance.
    public struct Indicator: Sendable, Equatable {
        public let key: String
        public let label: String
        public let weight: Double

        public init(key: String, label: String, weight: Double = 1) {
            self.key = key
            self.label = label
            self.weight = weight
        }
    }

    /// A region's values, in the order of the indicators.
    public struct Candidate: Sendable, Equatable {
        public let key: String
        public let values: [Double]

        public init(key: String, values: [Double]) {
            self.key = key
            self.values = values
        }
    }

    /// Where an indicator's scale is centred and how wide one unit is.
    public struct Scale: Sendable, Equatable {
        public let median: Double
        public let unit: Double

        public init(median: Double, unit: Double) {
            self.median = median
            self.unit = unit
        }

        public func z(_ value: Double) -> Double { (value - median) / unit }
    }

    /// A comparable region: its distance and, per indicator, how far apart the two are on the scale.
    public struct Neighbour: Sendable, Equatable {
        public let key: String
        public let distance: Double
        /// |z(target) − z(neighbour)| for each indicator.
        public let gaps: [Double]

        /// The indicator that makes the two alike (smallest gap) and the one that sets them apart (largest weighted gap).
        public func closest(_ indicators: [Indicator]) -> Int { gaps.indices.min { gaps[$0] < gaps[$1] } ?? 0 }
        public func farthest(_ indicators: [Indicator]) -> Int {
            gaps.indices.max { gaps[$0] * indicators[$0].weight < gaps[$1] * indicators[$1].weight } ?? 0
        }
    }

    /// The consistency factor that makes the MAD estimate the standard deviation of normal data.
    public static let madFactor = 1.4826

    /// The robust scale of each indicator over `candidates`: median and 1.4826 × MAD; where the
    /// MAD is 0 (most values equal, as the degree of urbanisation often is), the standard
    /// deviation instead, and 1 when that is 0 too.
    public static func scales(of candidates: [Candidate], indicators: Int) -> [Scale] {
        (0..<indicators).map { index in
            let values = candidates.map { $0.values[index] }
            let center = median(values)
            let mad = median(values.map { abs($0 - center) }) * madFactor
            if mad > 0 { return Scale(median: center, unit: mad) }
            let mean = values.reduce(0, +) / Double(max(values.count, 1))
            let deviation = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(values.count, 1))).squareRoot()
            return Scale(median: center, unit: deviation > 0 ? deviation : 1)
        }
    }

    /// The `count` regions nearest to `target` among `candidates` (the target left out), nearest
    /// first; equal distances by key, so the order never depends on the input's order.
    public static func nearest(to target: String, among candidates: [Candidate], indicators: [Indicator], count: Int = 10) -> [Neighbour] {
        guard let own = candidates.first(where: { $0.key == target }) else { return [] }
        let scales = scales(of: candidates, indicators: indicators.count)
        let ownZ = zip(own.values, scales).map { $1.z($0) }
        let neighbours = candidates.lazy.filter { $0.key != target }.map { candidate in
            let gaps = zip(zip(candidate.values, scales), ownZ).map { pair, ownValue in abs(pair.1.z(pair.0) - ownValue) }
            let squared = zip(gaps, indicators).map { gap, indicator in indicator.weight * gap * gap }.reduce(0, +)
            return Neighbour(key: candidate.key, distance: squared.squareRoot(), gaps: gaps)
        }
        return Array(neighbours.sorted { ($0.distance, $0.key) < ($1.distance, $1.key) }.prefix(count))
    }

    /// The share of `values` at or below `value`, in percent: where a region stands among all of its kind.
    public static func percentile(of value: Double, in values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return Double(values.filter { $0 <= value }.count) / Double(values.count) * 100
    }

    public static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
