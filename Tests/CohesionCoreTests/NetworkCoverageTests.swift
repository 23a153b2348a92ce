import Testing

@testable import CohesionCore

@Suite("Network coverage")
struct NetworkCoverageTests {
    static func network(_ kinds: [ActorKind]) -> (sectors: Set<NetworkSector>, kinds: Set<ActorKind>) {
        (Set(kinds.map(\.sector)), Set(kinds))
    }

    @Test("leaving one network out of a sum is the same as counting the others; an empty one changes nothing")
    func removing() {
        let mine = Self.network([.jobcenter, .sportsClub, .migrantOrganisation])
        let others = [
            Self.network([.jobcenter, .welfareAssociation]), Self.network([.sportsClub]), Self.network([.foreignersAuthority, .jobcenter]),
            Self.network([]),
        ]
        let all = NetworkCoverage(others + [mine])
        #expect(all.removing(mine) == NetworkCoverage(others))
        #expect(all.removing(mine).reachingKinds[.migrantOrganisation] == nil, "a kind only the left-out network reached is gone, not zero")
        #expect(all.removing(Self.network([])) == all)
        #expect(NetworkCoverage([mine]).removing(mine) == NetworkCoverage([]))
    }
}
