import Foundation

/// What a participant should look at next: the areas where their need most exceeds their level,
/// and the units that address them, each with the reason in words.
public enum Recommendations {
    public struct Gap: Sendable, Equatable {
        public let area: UUID
        public let title: String
        public let level: Int
        public let need: Int
        public var size: Int { need - level }
    }

    public struct UnitOffer: Sendable {
        public let unit: UUID
        public let title: String
        public let areas: Set<UUID>

        public init(unit: UUID, title: String, areas: Set<UUID>) {
            self.unit = unit
            self.title = title
            self.areas = areas
        }
    }

    public struct Recommendation: Sendable, Equatable {
        public let unit: UUID
        public let unitTitle: String
        public let reason: String
    }

    /// Gaps of at least one point, largest first; ties by higher need.
    public static func gaps(_ ratings: [(area: UUID, title: String, level: Int, need: Int)], limit: Int = 3) -> [Gap] {
        ratings.map { Gap(area: $0.area, title: $0.title, level: $0.level, need: $0.need) }
            .filter { $0.size >= 1 }
            .sorted { ($0.size, $0.need) > ($1.size, $1.need) }
            .prefix(limit).map { $0 }
    }

    /// For each gap in order, the units that address it (each unit once, for its largest gap).
    public static func units(for gaps: [Gap], offers: [UnitOffer]) -> [Recommendation] {
        var seen: Set<UUID> = []
        var result: [Recommendation] = []
        for gap in gaps {
            for offer in offers where offer.areas.contains(gap.area) && !seen.contains(offer.unit) {
                seen.insert(offer.unit)
                result.append(
                    Recommendation(
                        unit: offer.unit, unitTitle: offer.title,
                        reason: "Ihr Bedarf in „\(gap.title)“ (\(gap.need)) liegt \(gap.size) "
                            + (gap.size == 1 ? "Punkt" : "Punkte") + " über Ihrem Stand (\(gap.level)); diese Einheit behandelt das Feld."))
            }
        }
        return result
    }
}
