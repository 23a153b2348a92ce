/// How many of a group's networks reach each sector, for comparisons that show aggregates only:
/// a group smaller than the disclosure threshold shows nothing.
public struct NetworkCoverage: Sendable, Equatable {
    public let networks: Int
    /// Per sector, how many of the networks have an actor of it with an existing tie.
    public let reaching: [NetworkSector: Int]
    public let reachingKinds: [ActorKind: Int]

    /// `networks`: each network's sectors and kinds with an existing tie; empty networks are left out.
    public init(_ networks: [(sectors: Set<NetworkSector>, kinds: Set<ActorKind>)]) {
        let counted = networks.filter { !$0.kinds.isEmpty }
        self.networks = counted.count
        var sectors: [NetworkSector: Int] = [:]
        var kinds: [ActorKind: Int] = [:]
        for network in counted {
            for sector in network.sectors { sectors[sector, default: 0] += 1 }
            for kind in network.kinds { kinds[kind, default: 0] += 1 }
        }
        reaching = sectors
        reachingKinds = kinds
    }

    private init(networks: Int, reaching: [NetworkSector: Int], reachingKinds: [ActorKind: Int]) {
        self.networks = networks
        self.reaching = reaching
        self.reachingKinds = reachingKinds
    }

    /// The coverage without one network that is part of it (the reader's own, when a group is
    /// compared with them): the same as counting the others, without going over them again.
    public func removing(_ network: (sectors: Set<NetworkSector>, kinds: Set<ActorKind>)) -> NetworkCoverage {
        guard !network.kinds.isEmpty else { return self }
        var sectors = reaching
        var kinds = reachingKinds
        for sector in network.sectors { sectors[sector, default: 0] -= 1 }
        for kind in network.kinds { kinds[kind, default: 0] -= 1 }
        return NetworkCoverage(networks: networks - 1, reaching: sectors.filter { $0.value > 0 }, reachingKinds: kinds.filter { $0.value > 0 })
    }

    /// The share (0–1) of networks reaching `sector`, or nil when the group is too small to show.
    public func share(_ sector: NetworkSector, rule: DisclosureRule) -> Double? {
        guard rule.mayShow(groupOf: networks), networks > 0 else { return nil }
        return Double(reaching[sector] ?? 0) / Double(networks)
    }

    public func share(_ kind: ActorKind, rule: DisclosureRule) -> Double? {
        guard rule.mayShow(groupOf: networks), networks > 0 else { return nil }
        return Double(reachingKinds[kind] ?? 0) / Double(networks)
    }
}
