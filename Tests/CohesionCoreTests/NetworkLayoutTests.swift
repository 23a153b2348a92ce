import Foundation
import Testing

@testable import CohesionCore

@Suite("Network map layout and change between snapshots")
struct NetworkLayoutTests {
    static func id(_ n: Int) -> UUID { NetworkAnalysisTests.id(n) }

    /// 150 actors of every kind, with ties of every strength, some wanted, some among actors.
    static let large: EgoNetwork = {
        let kinds = ActorKind.allCases
        let actors = (1...150).map { EgoNetwork.Actor(id: id($0), name: "Akteur \($0)", kind: kinds[$0 % kinds.count]) }
        var ties: [EgoNetwork.Tie] = []
        for n in 1...150 {
            switch n % 5 {
            case 0, 1, 2: ties.append(.init(from: nil, to: id(n), kind: .cooperation, intensity: 1 + n % 3, status: .exists))
            case 3: ties.append(.init(from: nil, to: id(n), kind: .information, intensity: 2, status: .wanted))
            default: ties.append(.init(from: id(n - 1), to: id(n), kind: .committee, intensity: 1, status: .exists))
            }
        }
        return EgoNetwork(actors: actors, ties: ties)
    }()

    @Test("the same network gives the same picture, whatever order its rows come in")
    func deterministic() {
        let shuffled = EgoNetwork(actors: Self.large.actors.reversed(), ties: Self.large.ties.reversed())
        let first = NetworkLayout(Self.large).nodes.map { "\($0.actor.id) \($0.number) \($0.x) \($0.y)" }
        let second = NetworkLayout(shuffled).nodes.map { "\($0.actor.id) \($0.number) \($0.x) \($0.y)" }
        #expect(first == second)
    }

    @Test("an actor sits in its kind's sector, on the ring of its tie to the officer")
    func sectorsAndRings() {
        let layout = NetworkLayout(NetworkAnalysisTests.network)
        func polar(_ name: String) -> (angle: Double, radius: Double, ring: NetworkLayout.Ring) {
            let node = layout.nodes.first { $0.actor.name == name }!
            let dx = node.x - NetworkLayout.centre
            let dy = node.y - NetworkLayout.centre
            // Degrees clockwise from where the first sector begins (30° left of twelve o'clock).
            var angle = atan2(dy, dx) * 180 / .pi + 120
            if angle < 0 { angle += 360 }
            return (angle, (dx * dx + dy * dy).squareRoot(), node.ring)
        }
        let authority = polar("Ausländerbehörde")  // administration: the first sector, 0°–60°; tie 3
        #expect(authority.angle > 0 && authority.angle < 60 && authority.ring == .close && abs(authority.radius - 130) < 1e-9)
        let jobcenter = polar("Jobcenter")  // labour market: 60°–120°; tie 3
        #expect(jobcenter.angle > 60 && jobcenter.angle < 120 && jobcenter.ring == .close)
        #expect(polar("Jugendamt").ring == .loose)
        #expect(polar("Moscheegemeinde").ring == .indirect, "known through Caritas only")
        #expect(polar("VHS").ring == .wantedOrNone)
        #expect(layout.nodes.map(\.number) == Array(1...7))
        #expect(layout.edges.filter(\.wanted).count == 1, "the wish towards the authority is drawn as the existing tie, once")
    }

    @Test("with 150 actors no two markers overlap")
    func readableWhenLarge() {
        let nodes = NetworkLayout(Self.large).nodes
        var closest = Double.infinity
        for (i, a) in nodes.enumerated() {
            for b in nodes[(i + 1)...] { closest = min(closest, ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()) }
        }
        #expect(nodes.count == 150)
        #expect(closest >= 2 * 13, "markers have a radius of 13; closest pair \(closest)")
        #expect(nodes.allSatisfy { $0.x > 20 && $0.x < 980 && $0.y > 20 && $0.y < 980 })
    }

    @Test("the change between snapshots: new actors, new and stronger ties, wishes met")
    func change() {
        let before = NetworkAnalysisTests.network
        var after = before
        after.actors.append(.init(id: Self.id(8), name: "Integrationsrat", kind: .integrationCouncil))
        after.ties.append(.init(from: nil, to: Self.id(8), kind: .committee, intensity: 2, status: .exists))
        after.ties.append(.init(from: nil, to: Self.id(7), kind: .cooperation, intensity: 1, status: .exists))
        after.ties.append(.init(from: nil, to: Self.id(3), kind: .cooperation, intensity: 3, status: .exists))
        let change = NetworkChange(from: before, to: after)
        #expect(change.addedActors == ["Integrationsrat"])
        #expect(change.removedActors.isEmpty)
        #expect(change.newTies.map(\.ends) == ["Sie – Integrationsrat", "Sie – VHS"])
        #expect(change.strongerTies == [.init(ends: "Sie – Jugendamt", before: 1, after: 3)])
        #expect(change.wishesMet == ["Sie – VHS"])
        #expect(change.before.isolated.map(\.name) == ["VHS"] && change.after.isolated.isEmpty)
    }
}
