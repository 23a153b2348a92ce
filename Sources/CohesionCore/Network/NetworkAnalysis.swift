import Foundation

/// What a participant's network shows: its size and make-up, what is missing, how open or
/// closed it is around the officer (Burt), who brokers, and what is still to be done.
public struct NetworkAnalysis: Sendable {
    public let actorCount: Int
    /// Actors with at least one existing tie, per sector and per kind.
    public let connectedBySector: [NetworkSector: Int]
    public let connectedKinds: Set<ActorKind>
    public let missingSectors: [NetworkSector]
    public let missingReferenceKinds: [ActorKind]
    /// Ties among the actors, without the officer, over those possible (0–1).
    public let density: Double
    public let effectiveSize: Double?
    public let efficiency: Double?
    public let constraint: Double?
    /// Actors through whom others are connected, most important first, with normalized betweenness.
    public let brokers: [(actor: EgoNetwork.Actor, betweenness: Double)]
    /// Tied to the officer and to no other actor: only the officer connects them to the rest.
    public let onlyViaCentre: [EgoNetwork.Actor]
    /// Recorded, but without any existing tie.
    public let isolated: [EgoNetwork.Actor]
    /// Wanted ties for which no existing tie joins the same two ends.
    public let openWishes: [EgoNetwork.Tie]
    /// Names by id, for sentences about ties.
    public let names: [UUID: String]

    public init(_ network: EgoNetwork) {
        let graph = NetworkGraph(network)
        let actors = network.actors
        names = Dictionary(actors.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        actorCount = actors.count
        let connected = actors.indices.filter { graph.degree($0 + 1) > 0 }.map { actors[$0] }
        let bySector = Dictionary(grouping: connected, by: \.kind.sector).mapValues(\.count)
        let kinds = Set(connected.map(\.kind))
        connectedBySector = bySector
        connectedKinds = kinds
        missingSectors = NetworkSector.allCases.filter { bySector[$0] == nil }
        missingReferenceKinds = ActorKind.reference.filter { !kinds.contains($0) }
        density = graph.density(among: Array(actors.indices.map { $0 + 1 }))
        effectiveSize = graph.effectiveSize(of: 0)
        efficiency = graph.efficiency(of: 0)
        constraint = graph.constraint(of: 0)
        let betweenness = graph.betweenness(normalized: true)
        brokers = actors.indices.filter { betweenness[$0 + 1] > 1e-12 }
            .map { (actors[$0], betweenness[$0 + 1]) }
            .sorted { ($0.1, $1.0.name) > ($1.1, $0.0.name) }
        onlyViaCentre = actors.indices.filter { graph.neighbours[$0 + 1] == [0] }.map { actors[$0] }
        isolated = actors.indices.filter { graph.degree($0 + 1) == 0 }.map { actors[$0] }
        openWishes = network.ties.filter { tie in
            guard tie.status == .wanted else { return false }
            return !network.ties.contains { $0.status == .exists && Self.sameEnds($0, tie) }
        }
    }

    static func sameEnds(_ a: EgoNetwork.Tie, _ b: EgoNetwork.Tie) -> Bool {
        (a.from == b.from && a.to == b.to) || (a.from.map { $0 == b.to } == true && b.from.map { $0 == a.to } == true)
    }
}
