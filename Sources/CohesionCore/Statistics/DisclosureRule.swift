import Foundation

/// The rule that protects people in small groups: no figure, chart or free text for fewer
/// answers than the threshold. The threshold is configurable but never below 3.
public struct DisclosureRule: Sendable, Equatable {
    public static let floor = 3
    public let minimumGroupSize: Int

    public init(minimumGroupSize: Int = 5) {
        self.minimumGroupSize = max(Self.floor, minimumGroupSize)
    }

    public func mayShow(groupOf count: Int) -> Bool { count >= minimumGroupSize }

    /// The groups of a split whose figures must not be shown, when the figure for all of them
    /// together is shown beside it. Groups below the threshold are hidden; and because the
    /// hidden groups together could be recovered by subtracting the shown ones from the total,
    /// further groups (smallest first) are hidden until those recoverable together reach the
    /// threshold too. Ties are broken by name, so every request hides the same groups (two
    /// views hiding different ones would together reveal both).
    public func hiddenGroups<Group: Hashable & Comparable>(_ counts: [Group: Int]) -> Set<Group> {
        let present = counts.filter { $0.value > 0 }
        var hidden = Set(present.filter { !mayShow(groupOf: $0.value) }.keys)
        var shown = present.filter { !hidden.contains($0.key) }.sorted { ($0.value, $0.key) < ($1.value, $1.key) }
        func hiddenTotal() -> Int { hidden.reduce(0) { $0 + (present[$1] ?? 0) } }
        while !hidden.isEmpty, hiddenTotal() < minimumGroupSize, !shown.isEmpty {
            hidden.insert(shown.removeFirst().key)
        }
        return hidden
    }
}
