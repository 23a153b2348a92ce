import Foundation

/// What changed between two snapshots of a network (or a snapshot and today): actors added and
/// removed, ties that now exist or are stronger, wishes that came true, and the measures then and now.
public struct NetworkChange: Sendable {
    public struct TieChange: Sendable, Equatable {
        /// "Sie – Jobcenter", "Caritas – Moscheegemeinde".
        public let ends: String
        public let before: Int?
        public let after: Int
    }

    public let addedActors: [String]
    public let removedActors: [String]
    public let newTies: [TieChange]
    public let strongerTies: [TieChange]
    public let wishesMet: [String]
    public let before: NetworkAnalysis
    public let after: NetworkAnalysis

    public init(from old: EgoNetwork, to new: EgoNetwork) {
        let oldIDs = Set(old.actors.map(\.id))
        let newIDs = Set(new.actors.map(\.id))
        addedActors = new.actors.filter { !oldIDs.contains($0.id) }.map(\.name).sorted()
        removedActors = old.actors.filter { !newIDs.contains($0.id) }.map(\.name).sorted()
        let names = Dictionary(
            old.actors.map { ($0.id, $0.name) } + new.actors.map { ($0.id, $0.name) },
            uniquingKeysWith: { _, latest in latest })
        func label(_ key: PairKey) -> String {
            [key.a.map { names[$0] ?? "?" } ?? "Sie", names[key.b] ?? "?"].joined(separator: " – ")
        }
        let oldExisting = Self.strongest(old, status: .exists)
        let newExisting = Self.strongest(new, status: .exists)
        let oldWanted = Self.strongest(old, status: .wanted)
        newTies = newExisting.filter { oldExisting[$0.key] == nil }.map { TieChange(ends: label($0.key), before: nil, after: $0.value) }
            .sorted { $0.ends < $1.ends }
        strongerTies = newExisting.compactMap { key, value in
            guard let before = oldExisting[key], value > before else { return nil }
            return TieChange(ends: label(key), before: before, after: value)
        }.sorted { $0.ends < $1.ends }
        wishesMet = oldWanted.keys.filter { oldExisting[$0] == nil && newExisting[$0] != nil }.map(label).sorted()
        before = NetworkAnalysis(old)
        after = NetworkAnalysis(new)
    }

    public var isEmpty: Bool {
        addedActors.isEmpty && removedActors.isEmpty && newTies.isEmpty && strongerTies.isEmpty
    }

    /// An unordered pair of ends; nil is the officer.
    struct PairKey: Hashable {
        let a: UUID?
        let b: UUID

        init(_ tie: EgoNetwork.Tie) {
            if let from = tie.from, from.uuidString > tie.to.uuidString {
                a = tie.to
                b = from
            } else {
                a = tie.from
                b = tie.to
            }
        }
    }

    static func strongest(_ network: EgoNetwork, status: TieStatus) -> [PairKey: Int] {
        var result: [PairKey: Int] = [:]
        for tie in network.ties where tie.status == status {
            result[PairKey(tie)] = max(result[PairKey(tie)] ?? 0, tie.intensity)
        }
        return result
    }
}
