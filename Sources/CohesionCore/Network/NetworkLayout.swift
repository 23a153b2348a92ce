import Foundation

/// Where each actor of an ego network sits on the map, decided by the data alone (the same
/// network gives the same picture): the officer in the centre; six fixed sectors by kind of
/// actor, clockwise, the first centred at the top (so no sector's name sits at the far left or right); rings by the tie to the centre, strong inside, wanted outside;
/// within a sector and ring by strength, name and id. Crowded arcs spread over staggered lanes.
public struct NetworkLayout: Sendable {
    /// How an actor is tied to the officer, from the inside out.
    public enum Ring: Int, CaseIterable, Sendable, Comparable {
        case close, medium, loose, indirect, wantedOrNone

        public var label: String {
            switch self {
            case .close: "enge Verbindung (3)"
            case .medium: "mittlere Verbindung (2)"
            case .loose: "lose Verbindung (1)"
            case .indirect: "nur über andere verbunden"
            case .wantedOrNone: "gewünscht oder ohne Verbindung"
            }
        }

        public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public struct Node: Sendable {
        public let actor: EgoNetwork.Actor
        /// 1-based, in reading order (sector, ring, strength, name): the map's labels and the table's rows.
        public let number: Int
        public let ring: Ring
        public let x: Double
        public let y: Double
    }

    public struct Edge: Sendable {
        public let from: (x: Double, y: Double)
        public let to: (x: Double, y: Double)
        public let intensity: Int
        public let wanted: Bool
    }

    public static let size = 1000.0
    public static let centre = size / 2
    static let radii: [Double] = [130, 215, 295, 365, 430]
    static let laneGap = 27.0
    static let minimumSpacing = 32.0
    /// Degrees left free at each side of a sector, so neighbouring sectors do not touch.
    static let sectorPadding = 5.0
    /// Where the first sector begins, in degrees clockwise from three o'clock.
    static let firstSectorStart = -120.0

    public let nodes: [Node]
    public let edges: [Edge]

    public init(_ network: EgoNetwork) {
        let strength = network.strengthFromCentre
        let graph = NetworkGraph(network)
        let index = Dictionary(uniqueKeysWithValues: network.actors.enumerated().map { ($1.id, $0 + 1) })
        func ring(_ actor: EgoNetwork.Actor) -> Ring {
            switch strength[actor.id] {
            case 3?: return .close
            case 2?: return .medium
            case 1?: return .loose
            default: return graph.degree(index[actor.id] ?? 0) > 0 ? .indirect : .wantedOrNone
            }
        }
        let ordered = network.actors.sorted {
            ($0.kind.sector, ring($0), -(strength[$0.id] ?? 0), $0.name, $0.id.uuidString)
                < ($1.kind.sector, ring($1), -(strength[$1.id] ?? 0), $1.name, $1.id.uuidString)
        }
        var nodes: [Node] = []
        var number = 0
        for sector in NetworkSector.allCases {
            for ringValue in Ring.allCases {
                let group = ordered.filter { $0.kind.sector == sector && ring($0) == ringValue }
                for (position, place) in Self.places(count: group.count, sector: sector, ring: ringValue).enumerated() {
                    number += 1
                    nodes.append(Node(actor: group[position], number: number, ring: ringValue, x: place.x, y: place.y))
                }
            }
        }
        self.nodes = nodes
        edges = Self.edges(network, nodes: nodes)
    }

    /// `count` places on the arc of `sector` at `ring`'s radius; when they would crowd, in lanes
    /// slightly inside and outside the radius, taken in turn.
    static func places(count: Int, sector: NetworkSector, ring: Ring) -> [(x: Double, y: Double)] {
        guard count > 0 else { return [] }
        let span = 60.0 - 2 * sectorPadding
        let start = firstSectorStart + Double(sector.index) * 60 + sectorPadding
        let radius = radii[ring.rawValue]
        let capacity = max(1, Int(radius * span * .pi / 180 / minimumSpacing))
        let lanes = (count + capacity - 1) / capacity
        return (0..<count).map { position in
            let lane = position % lanes
            let laneRadius = radius + (Double(lane) - Double(lanes - 1) / 2) * laneGap
            let angle = (start + span * (Double(position) + 0.5) / Double(count)) * .pi / 180
            return (centre + laneRadius * cos(angle), centre + laneRadius * sin(angle))
        }
    }

    /// One line per pair of ends: the strongest existing tie, else the strongest wish (dashed).
    static func edges(_ network: EgoNetwork, nodes: [Node]) -> [Edge] {
        let position = Dictionary(uniqueKeysWithValues: nodes.map { ($0.actor.id, (x: $0.x, y: $0.y)) })
        var best: [String: EgoNetwork.Tie] = [:]
        for tie in network.ties {
            let ends = [tie.from?.uuidString ?? "", tie.to.uuidString].sorted().joined(separator: "|")
            if let current = best[ends] {
                let better =
                    (current.status == .wanted && tie.status == .exists)
                    || (current.status == tie.status && tie.intensity > current.intensity)
                if !better { continue }
            }
            best[ends] = tie
        }
        return best.keys.sorted().compactMap { key in
            guard let tie = best[key], let to = position[tie.to] else { return nil }
            let from = tie.from.map { position[$0] } ?? (x: centre, y: centre)
            guard let from else { return nil }
            return Edge(from: from, to: to, intensity: tie.intensity, wanted: tie.status == .wanted)
        }
    }

    /// Where a sector's name goes: outside the outer ring, in the middle of its arc; `anchor` lets
    /// the names at the sides grow towards the middle, so they stay inside the drawing.
    public static func sectorLabelPosition(_ sector: NetworkSector) -> (x: Double, y: Double, anchor: String) {
        let angle = (firstSectorStart + Double(sector.index) * 60 + 30) * .pi / 180
        let radius = 478.0
        let x = centre + radius * cos(angle)
        let anchor = abs(x - centre) < 100 ? "middle" : (x > centre ? "end" : "start")
        return (x, centre + radius * sin(angle) + 5, anchor)
    }

    /// The end of the line between two sectors.
    public static func sectorBoundary(_ index: Int) -> (x: Double, y: Double) {
        let angle = (firstSectorStart + Double(index) * 60) * .pi / 180
        return (centre + 455 * cos(angle), centre + 455 * sin(angle))
    }
}
