import Foundation

/// Turns the cohort's ratings into planning: the needs map by context, what the units cover,
/// and suggestions with their reasons. Every figure respects the disclosure rule.
public enum NeedsAnalysis {
    public struct Cell: Sendable, Equatable {
        public let count: Int
        /// Nil when the group is below the disclosure threshold, or hidden because its mean could
        /// be worked out from the others (`DisclosureRule.hiddenGroups`).
        public let meanNeed: Double?
    }

    /// Answers of one context group for one area, summed (as a database returns them).
    public struct Tally: Sendable {
        public let area: UUID
        public let group: String
        public let count: Int
        public let needSum: Int

        public init(area: UUID, group: String, count: Int, needSum: Int) {
            self.area = area
            self.group = group
            self.count = count
            self.needSum = needSum
        }
    }

    /// Mean need per area and context group. Groups below the threshold show no mean, nor do
    /// groups whose mean could be worked out from the area's overall mean and the other groups.
    /// Tallies of the same area and group are added up.
    public static func map(_ tallies: [Tally], rule: DisclosureRule) -> [UUID: [String: Cell]] {
        var result: [UUID: [String: Cell]] = [:]
        for (area, areaTallies) in Dictionary(grouping: tallies, by: \.area) {
            var counts: [String: Int] = [:]
            var sums: [String: Int] = [:]
            for tally in areaTallies {
                counts[tally.group, default: 0] += tally.count
                sums[tally.group, default: 0] += tally.needSum
            }
            let hidden = rule.hiddenGroups(counts)
            for (group, count) in counts where count > 0 {
                let mean = Double(sums[group] ?? 0) / Double(count)
                result[area, default: [:]][group] = Cell(count: count, meanNeed: hidden.contains(group) ? nil : mean)
            }
        }
        return result
    }

    /// A need of 4 or 5 counts as strong.
    public static let strongNeed = 4

    public struct AreaSummary: Sendable, Equatable {
        public let area: UUID
        public let title: String
        public let respondents: Int
        public let strong: Int
        public let meanNeed: Double
        /// Units of the planned part that address the area.
        public let coveringUnits: Int

        public init(area: UUID, title: String, respondents: Int, strong: Int, meanNeed: Double, coveringUnits: Int) {
            self.area = area
            self.title = title
            self.respondents = respondents
            self.strong = strong
            self.meanNeed = meanNeed
            self.coveringUnits = coveringUnits
        }
    }

    public struct Suggestion: Sendable, Equatable {
        public let area: UUID
        public let text: String
    }

    /// Strong needs no unit of `partLabel` covers come first; then areas the part serves that few need.
    public static func suggestions(_ summaries: [AreaSummary], partLabel: String, rule: DisclosureRule) -> [Suggestion] {
        let visible = summaries.filter { rule.mayShow(groupOf: $0.respondents) }
        let uncovered = visible.filter { $0.coveringUnits == 0 && $0.strong * 2 >= $0.respondents && $0.strong > 0 }
            .sorted { ($0.strong, $0.meanNeed) > ($1.strong, $1.meanNeed) }
            .map {
                Suggestion(
                    area: $0.area,
                    text:
                        "\($0.strong) von \($0.respondents) schätzen „\($0.title)“ als starken Bedarf ein; keine Einheit von \(partLabel) deckt es ab. Eine Einheit dazu einplanen."
                )
            }
        let weak = visible.filter { $0.coveringUnits > 0 && $0.meanNeed < 2.5 }
            .sorted { $0.meanNeed < $1.meanNeed }
            .map { summary in
                let units = summary.coveringUnits == 1 ? "1 Einheit" : "\(summary.coveringUnits) Einheiten"
                return Suggestion(
                    area: summary.area,
                    text: "„\(summary.title)“ behandeln in \(partLabel) \(units), der Bedarf liegt aber im Mittel "
                        + "nur bei \(germanDecimal(summary.meanNeed)). Die Zeit dafür prüfen.")
            }
        return uncovered + weak
    }
}

/// "3,4": one decimal with a comma, as German readers expect.
public func germanDecimal(_ value: Double, digits: Int = 1) -> String {
    // Commercial rounding, as German reports round (3,25 → 3,3); printf alone rounds a half to even.
    let scale = pow(10, Double(digits))
    let rounded = (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    return String(format: "%.\(digits)f", rounded).replacingOccurrences(of: ".", with: ",")
}
