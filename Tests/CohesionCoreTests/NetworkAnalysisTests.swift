import Foundation
import Testing

@testable import CohesionCore

/// Expected values were computed independently with networkx 3.6.1 on the same graphs:
/// `nx.effective_size(G, nodes=[0], weight="weight")`, `nx.constraint(G, nodes=[0], weight="weight")`,
/// `nx.betweenness_centrality(G, normalized=True)` and `nx.density(G.subgraph(range(1, n)))`.
@Suite("Network analysis")
struct NetworkAnalysisTests {
    /// An officer (0) with five contacts of different strength; 1, 2 and 3 know each other, 4 knows 6,
    /// whom the officer does not know; 5 knows only the officer; 7 knows nobody.
    static let weighted = NetworkGraph(
        nodeCount: 8,
        edges: [
            (0, 1, 3), (0, 2, 2), (0, 3, 1), (0, 4, 2), (0, 5, 3), (1, 2, 1), (1, 3, 2), (2, 3, 1), (4, 6, 2),
        ])

    /// Krackhardt's kite with the officer as one of its four-tie nodes (0–6 the kite, 7–9 its tail).
    static let kite = NetworkGraph(
        nodeCount: 10,
        edges: [
            (0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 5, 1), (1, 3, 1), (1, 4, 1), (1, 6, 1), (2, 3, 1), (2, 5, 1), (3, 4, 1),
            (3, 5, 1), (3, 6, 1), (4, 6, 1), (5, 6, 1), (5, 7, 1), (6, 7, 1), (7, 8, 1), (8, 9, 1),
        ])

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-9 } ?? false }

    @Test("Burt's effective size, efficiency and constraint match networkx, weighted and unweighted")
    func structuralHoles() {
        #expect(Self.close(Self.weighted.effectiveSize(of: 0), 4.333333333333333))
        #expect(Self.close(Self.weighted.efficiency(of: 0), 0.8666666666666666))
        #expect(Self.close(Self.weighted.constraint(of: 0), 0.35382231404958675))
        #expect(Self.close(Self.kite.effectiveSize(of: 0), 2.0))
        #expect(Self.close(Self.kite.efficiency(of: 0), 0.5))
        #expect(Self.close(Self.kite.constraint(of: 0), 0.5411979166666667))
        #expect(Self.weighted.effectiveSize(of: 7) == nil, "a node without ties has no effective size")
    }

    @Test("Brandes' betweenness matches networkx, normalized")
    func betweenness() {
        let weighted = [0.5238095238095237, 0, 0, 0, 0.23809523809523808, 0, 0, 0]
        let kite = [
            0.023148148148148143, 0.023148148148148143, 0, 0.10185185185185183, 0, 0.23148148148148148,
            0.23148148148148148, 0.38888888888888884, 0.2222222222222222, 0,
        ]
        #expect(zip(Self.weighted.betweenness(normalized: true), weighted).allSatisfy { abs($0 - $1) < 1e-9 })
        #expect(zip(Self.kite.betweenness(normalized: true), kite).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test("density among the actors, without the officer, matches networkx")
    func density() {
        #expect(Self.close(Self.weighted.density(among: Array(1...7)), 0.19047619047619047))
        #expect(Self.close(Self.kite.density(among: Array(1...9)), 0.3888888888888889))
    }

    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    /// The weighted graph above as a participant records it, with kinds of actor and a wish.
    static let network = EgoNetwork(
        actors: [
            .init(id: id(1), name: "Ausländerbehörde", kind: .foreignersAuthority),
            .init(id: id(2), name: "Sozialamt", kind: .socialOffice),
            .init(id: id(3), name: "Jugendamt", kind: .youthOffice),
            .init(id: id(4), name: "Caritas", kind: .welfareAssociation),
            .init(id: id(5), name: "Jobcenter", kind: .jobcenter),
            .init(id: id(6), name: "Moscheegemeinde", kind: .religiousCommunity),
            .init(id: id(7), name: "VHS", kind: .languageCourseProvider),
        ],
        ties: [
            .init(from: nil, to: id(1), kind: .cooperation, intensity: 3, status: .exists),
            .init(from: nil, to: id(2), kind: .information, intensity: 2, status: .exists),
            .init(from: nil, to: id(3), kind: .information, intensity: 1, status: .exists),
            .init(from: nil, to: id(4), kind: .committee, intensity: 2, status: .exists),
            .init(from: nil, to: id(5), kind: .cooperation, intensity: 3, status: .exists),
            .init(from: id(1), to: id(2), kind: .information, intensity: 1, status: .exists),
            .init(from: id(1), to: id(3), kind: .cooperation, intensity: 2, status: .exists),
            .init(from: id(2), to: id(3), kind: .committee, intensity: 1, status: .exists),
            .init(from: id(4), to: id(6), kind: .cooperation, intensity: 2, status: .exists),
            .init(from: nil, to: id(7), kind: .cooperation, intensity: 2, status: .wanted),
            .init(from: nil, to: id(1), kind: .funding, intensity: 1, status: .wanted),
        ])

    @Test("the findings name what is missing, who brokers, who hangs on the officer alone, and what is wanted")
    func findings() {
        let analysis = NetworkAnalysis(Self.network)
        #expect(analysis.actorCount == 7)
        #expect(analysis.connectedBySector == [.administration: 3, .civilSociety: 1, .labourMarket: 1, .migrantAndReligious: 1])
        #expect(analysis.missingSectors == [.education, .stateAndFederal])
        #expect(
            analysis.missingReferenceKinds == [
                .employmentAgency, .migrationAdvice, .languageCourseProvider, .schoolsDayCare,
                .migrantOrganisation, .volunteerGroup,
            ])
        #expect(Self.close(analysis.effectiveSize, 4.333333333333333))
        #expect(analysis.brokers.map(\.actor.name) == ["Caritas"])
        #expect(analysis.onlyViaCentre.map(\.name) == ["Jobcenter"])
        #expect(analysis.isolated.map(\.name) == ["VHS"])
        #expect(analysis.openWishes.map(\.to) == [Self.id(7)], "the funding wish towards an actor already tied still counts as met")
        let findings = NetworkFindings.sentences(analysis)
        #expect(findings.contains("Zwei Bereiche fehlen ganz: Bildung und Land und Bund."))
        #expect(findings.contains("Nur über Sie verbunden: Jobcenter."))
        #expect(findings.contains("Ohne bestehende Verbindung: VHS."))
        #expect(findings.contains { $0.hasPrefix("Vermittelnd: Caritas") })
    }
}
