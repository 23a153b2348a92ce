import Testing

@testable import CohesionCore

@Suite("Person-level records anonymous by combination")
struct DisclosureCombinationTests {
    let rule = DisclosureRule(minimumGroupSize: 3)

    @Test("each column alone is shared by three, the combinations are not: the last column goes, the first stays")
    func combinationFailsWhereColumnsPass() {
        let records = [
            ["Stadt", "Stabsstelle"], ["Stadt", "Stabsstelle"], ["Stadt", "Amt"],
            ["Gemeinde", "Stabsstelle"], ["Gemeinde", "Amt"], ["Gemeinde", "Amt"],
        ]
        for column in 0..<2 {
            let counts = Dictionary(grouping: records.map { $0[column] }, by: { $0 }).mapValues(\.count)
            #expect(counts.values.allSatisfy { $0 >= 3 }, "column \(column) passes on its own")
        }
        let released = rule.releasedCombinations(records)
        #expect(released == [["Stadt", ""], ["Stadt", ""], ["Stadt", ""], ["Gemeinde", ""], ["Gemeinde", ""], ["Gemeinde", ""]])
    }

    @Test("every combination released is shared by at least the threshold")
    func everyReleasedCombinationIsShared() {
        let kinds = ["Stadt", "Gemeinde", "Landkreis"]
        let sizes = ["klein", "mittel", "groß"]
        let posts = ["Stabsstelle", "Amt"]
        var records: [[String]] = []
        for i in 0..<23 { records.append([kinds[i % 3], sizes[(i / 3) % 3], posts[(i / 2) % 2]]) }
        let released = rule.releasedCombinations(records)
        let sizesOfGroups = Dictionary(grouping: released, by: { $0 }).mapValues(\.count)
        for row in released where row.contains(where: { !$0.isEmpty }) {
            #expect(sizesOfGroups[row]! >= 3, "\(row)")
        }
        #expect(released.contains { !$0[0].isEmpty }, "common kinds are still released")
    }

    @Test("a combination already shared by enough people is released whole; a rare value alone is blanked")
    func commonCombinationsStay() {
        let records = Array(repeating: ["Stadt", "groß", "Amt"], count: 4) + [["Stadt", "klein", "Amt"]]
        let released = rule.releasedCombinations(records)
        #expect(released.prefix(4).allSatisfy { $0 == ["Stadt", "groß", "Amt"] })
        #expect(released[4] == ["", "", ""])
    }
}
