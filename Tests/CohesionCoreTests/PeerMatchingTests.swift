import Testing

@testable import CohesionCore

@Suite("Finding colleagues")
struct PeerMatchingTests {
    static func profile(
        _ id: Int, kind: Int? = nil, size: Int? = nil, share: Int? = nil, embedding: Int? = nil, tasks: UInt32 = 0,
        needs: UInt32 = 0, reached: [ActorKind] = [], wanted: [ActorKind] = []
    ) -> PeerMatching.Profile {
        .init(
            id: id, municipalityKind: kind, sizeBand: size, foreignShareBand: share, embedding: embedding, taskFields: tasks,
            strongNeeds: needs, reachedKinds: PeerMatching.Profile.kinds(reached), wantedKinds: PeerMatching.Profile.kinds(wanted))
    }

    /// An officer in a Große Kreisstadt (kind 1) of 20,000–100,000 (size 2) who looks for the Jobcenter.
    static let me = profile(0, kind: 1, size: 2, share: 1, embedding: 0, tasks: 0b0111, needs: 0b1_0000, wanted: [.jobcenter, .migrantOrganisation])

    @Test("scores add up as documented: context, shared task fields and needs, and kinds one looks for")
    func scores() {
        // Same kind 3 + same size 2 + same embedding 2 + two shared task fields 2 = 9.
        #expect(PeerMatching.score(Self.me, Self.profile(1, kind: 1, size: 2, share: 0, embedding: 0, tasks: 0b0011)) == 9)
        // Reaches both kinds looked for: 2 × 3; shares the strong need: 1.
        #expect(PeerMatching.score(Self.me, Self.profile(2, needs: 0b1_0000, reached: [.jobcenter, .migrantOrganisation, .chamber])) == 7)
        // Four shared task fields count as three.
        let busy = PeerMatching.Profile(
            id: 3, municipalityKind: nil, sizeBand: nil, foreignShareBand: nil, embedding: nil,
            taskFields: 0b1111, strongNeeds: 0, reachedKinds: 0, wantedKinds: 0)
        let manyTasks = PeerMatching.Profile(
            id: 0, municipalityKind: nil, sizeBand: nil, foreignShareBand: nil, embedding: nil,
            taskFields: 0b1111, strongNeeds: 0, reachedKinds: 0, wantedKinds: 0)
        #expect(PeerMatching.score(manyTasks, busy) == 3)
        #expect(PeerMatching.score(Self.profile(9), Self.profile(8)) == 0, "unknown context matches nothing")
    }

    @Test("best first, equal scores by id, never oneself, nobody below the minimum")
    func order() {
        let candidates = [
            Self.me,
            Self.profile(7, kind: 1, size: 2),  // 5
            Self.profile(4, kind: 1, size: 2),  // 5, before 7 by id
            Self.profile(5, reached: [.jobcenter]),  // 3
            Self.profile(6, share: 1, tasks: 0b0001),  // 2: below the minimum
            Self.profile(8, kind: 1, size: 2, embedding: 0, reached: [.jobcenter]),  // 10
        ]
        let suggestions = PeerMatching.suggestions(for: Self.me, among: candidates, limit: 3)
        #expect(suggestions.map(\.id) == [8, 4, 7])
        #expect(suggestions.map(\.score) == [10, 5, 5])
        #expect(suggestions[0].reasons.offersKinds == PeerMatching.Profile.kinds([.jobcenter]))
        #expect(suggestions[0].reasons.sameMunicipalityKind && suggestions[0].reasons.sameEmbedding && !suggestions[0].reasons.sameForeignShareBand)
        #expect(PeerMatching.suggestions(for: Self.me, among: candidates, limit: 10).map(\.id) == [8, 4, 7, 5])
    }

    @Test("the search keeps exactly what sorting every candidate would keep", arguments: [1, 5, 20])
    func agreesWithSortingAll(limit: Int) {
        var generator = SeededRandom(seed: 42)
        let candidates = (0..<2_000).map { id in
            PeerMatching.Profile(
                id: id, municipalityKind: Int(generator.next() % 5), sizeBand: Int(generator.next() % 4),
                foreignShareBand: Int(generator.next() % 3), embedding: Int(generator.next() % 5),
                taskFields: UInt32(generator.next() % 512), strongNeeds: UInt32(generator.next() % 512),
                reachedKinds: UInt32(generator.next() % (1 << 21)), wantedKinds: UInt32(generator.next() % (1 << 21)))
        }
        for me in candidates.prefix(20) {
            let expected = candidates.filter { $0.id != me.id }
                .map { (id: $0.id, score: PeerMatching.score(me, $0)) }.filter { $0.score >= 3 }
                .sorted { ($0.score, -$0.id) > ($1.score, -$1.id) }.prefix(limit).map(\.id)
            #expect(PeerMatching.suggestions(for: me, among: candidates, limit: limit).map(\.id) == Array(expected))
        }
    }
}
