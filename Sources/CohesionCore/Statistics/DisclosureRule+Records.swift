import Foundation

extension DisclosureRule {
    /// The context columns of person-level records (one row per person, "" for unknown), with
    /// values blanked until every row's *combination* of released values is shared by at least
    /// the threshold. A column passing on its own is not enough: kind, size and post together
    /// can single out one person even when each is common.
    ///
    /// First each value shared by fewer than the threshold is blanked; then, while some rows
    /// form a combination smaller than the threshold, those rows give up their last column
    /// still released (the columns are ordered from least to most needed, so the first columns
    /// survive longest). A row with every column blank releases nothing and is left as it is.
    public func releasedCombinations(_ records: [[String]]) -> [[String]] {
        guard let width = records.first?.count else { return [] }
        var released = records
        for column in 0..<width {
            let counts = Dictionary(grouping: released.map { $0[column] }, by: { $0 }).mapValues(\.count)
            for row in released.indices where !mayShow(groupOf: counts[released[row][column]] ?? 0) {
                released[row][column] = ""
            }
        }
        while true {
            let sizes = Dictionary(grouping: released, by: { $0 }).mapValues(\.count)
            let small = released.indices.filter { !mayShow(groupOf: sizes[released[$0]] ?? 0) && released[$0].contains { !$0.isEmpty } }
            guard !small.isEmpty else { return released }
            for row in small {
                if let last = released[row].lastIndex(where: { !$0.isEmpty }) { released[row][last] = "" }
            }
        }
    }
}
