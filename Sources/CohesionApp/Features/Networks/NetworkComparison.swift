import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Coverage of actor kinds across networks: the participant against the cohort and similar
/// municipalities, and the lead's view of an edition, now and at each part's snapshots.
enum NetworkComparison {
    /// The sectors and kinds a network reaches (an actor with an existing tie).
    typealias Reach = (sectors: Set<NetworkSector>, kinds: Set<ActorKind>)

    private struct ReachRow: Decodable { let userID: UUID; let kind: ActorKind }

    /// Current reach of every participant's network, by owner.
    static func currentReach(cache: ReportCache?, on db: any SQLDatabase) async throws -> [UUID: Reach] {
        try await cache.value("reach", on: db) { try await currentReach(on: db) }
    }

    private static func currentReach(on db: any SQLDatabase) async throws -> [UUID: Reach] {
        let rows = try await db.raw(
            """
            SELECT DISTINCT a.user_id, a.kind FROM network_actors a
            WHERE EXISTS (SELECT 1 FROM network_ties t WHERE t.status = \(bind: TieStatus.exists)
                          AND (t.to_actor_id = a.id OR t.from_actor_id = a.id))
            """
        ).all(decoding: ReachRow.self, with: .snakeCaseColumns)
        var reach: [UUID: Reach] = [:]
        for row in rows {
            reach[row.userID, default: ([], [])].sectors.insert(row.kind.sector)
            reach[row.userID, default: ([], [])].kinds.insert(row.kind)
        }
        return reach
    }

    static func reach(of network: EgoNetwork) -> Reach {
        let analysis = NetworkAnalysis(network)
        return (Set(analysis.connectedBySector.keys), analysis.connectedKinds)
    }

    private struct MemberRow: Decodable { let userID: UUID }
    private struct KindRow: Decodable, Sendable { let userID: UUID; let kind: String? }

    /// The participant's reach against their cohorts (members of their editions) and against
    /// officers in municipalities of the same kind; the participant is left out of both groups.
    struct Participant: Sendable {
        let own: NetworkCoverage
        let cohort: NetworkCoverage
        let similar: NetworkCoverage
        let municipalityKind: String?
        let rule: DisclosureRule
    }

    static func forParticipant(_ userID: UUID, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase) async throws -> Participant {
        let reach = try await currentReach(cache: cache, on: db)
        struct EditionRow: Decodable { let editionID: UUID }
        let editions = try await db.raw("SELECT edition_id FROM edition_members WHERE user_id = \(bind: userID)")
            .all(decoding: EditionRow.self, with: .snakeCaseColumns).map(\.editionID).sorted { $0.uuidString < $1.uuidString }
        // The coverage of everyone in the reader's editions, kept per set of editions (the members
        // move the report counter); the reader's own network is part of it and left out here, as it
        // is of their kind's sum.
        let cohort = try await cache.value("cohort-coverage:" + editions.map(\.uuidString).joined(separator: ","), on: db) {
            guard !editions.isEmpty else { return NetworkCoverage([]) }
            let members = try await db.raw("SELECT DISTINCT user_id FROM edition_members WHERE edition_id IN (\(binds: editions))")
                .all(decoding: MemberRow.self, with: .snakeCaseColumns)
            return NetworkCoverage(members.compactMap { reach[$0.userID] })
        }
        let byKind = try await coverageByKind(reach: reach, cache: cache, on: db)
        let ownKind = byKind.kindOf[userID] ?? nil
        func withoutOwn(_ sum: NetworkCoverage) -> NetworkCoverage { reach[userID].map { sum.removing($0) } ?? sum }
        let similar = ownKind.flatMap { byKind.coverage[$0] }.map(withoutOwn)
        return Participant(
            own: NetworkCoverage([reach[userID]].compactMap { $0 }), cohort: editions.isEmpty ? cohort : withoutOwn(cohort),
            similar: similar ?? NetworkCoverage([]), municipalityKind: ownKind, rule: rule)
    }

    /// Every profile's kind of municipality and the coverage of all networks per kind: worked out
    /// once per change of profiles, the register or networks, not per page.
    private struct KindCoverage: Sendable {
        let kindOf: [UUID: String?]
        let coverage: [String: NetworkCoverage]
    }

    private static func coverageByKind(reach: [UUID: Reach], cache: ReportCache?, on db: any SQLDatabase) async throws -> KindCoverage {
        try await cache.value("coverage-by-kind", on: db) {
            let kinds = try await db.raw("SELECT p.user_id, r.kind FROM profiles p LEFT JOIN regions r ON r.key = p.region_key")
                .all(decoding: KindRow.self, with: .snakeCaseColumns)
            var networks: [String: [Reach]] = [:]
            for row in kinds {
                guard let kind = row.kind, let own = reach[row.userID] else { continue }
                networks[kind, default: []].append(own)
            }
            return KindCoverage(
                kindOf: Dictionary(kinds.map { ($0.userID, $0.kind) }) { first, _ in first },
                coverage: networks.mapValues { NetworkCoverage($0) })
        }
    }

    /// An edition's networks now and as frozen at each part.
    struct Cohort: Sendable {
        struct PartCoverage: Sendable { let label: String; let coverage: NetworkCoverage }

        let editionID: UUID
        let editionTitle: String
        let now: NetworkCoverage
        let parts: [PartCoverage]
        /// Mean need (1–5) and answers for the competence area about networks, from the first phase with answers.
        let networkNeed: (title: String, mean: Double, answers: Int)?
        let rule: DisclosureRule
    }

    private struct PartRow: Decodable { let id: UUID; let number: Int }
    private struct SnapshotRow: Decodable { let partID: UUID; let userID: UUID; let data: String; let takenAt: Date }
    private struct NeedRow: Decodable, Sendable { let title: String; let needSum: Int; let answers: Int }

    /// Kept whole until a row under it changes, as the impact report is.
    static func forEdition(_ editionID: UUID, title: String, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase) async throws -> Cohort {
        try await cache.value("cohort-networks:\(editionID):\(title):\(rule.minimumGroupSize)", on: db) {
            try await computeForEdition(editionID, title: title, rule: rule, cache: cache, on: db)
        }
    }

    private static func computeForEdition(
        _ editionID: UUID, title: String, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> Cohort {
        let members = Set(
            try await db.raw("SELECT user_id FROM edition_members WHERE edition_id = \(bind: editionID)")
                .all(decoding: MemberRow.self, with: .snakeCaseColumns).map(\.userID))
        let reach = try await currentReach(cache: cache, on: db)
        let parts = try await db.raw("SELECT id, number FROM parts WHERE edition_id = \(bind: editionID) ORDER BY starts_on")
            .all(decoding: PartRow.self)
        let snapshots = try await db.raw(
            """
            SELECT s.part_id, s.user_id, s.data, s.taken_at FROM network_snapshots s JOIN parts p ON p.id = s.part_id
            WHERE p.edition_id = \(bind: editionID) ORDER BY s.taken_at
            """
        ).all(decoding: SnapshotRow.self, with: .snakeCaseColumns)
        let partCoverage = parts.map { part in
            // The last snapshot each member took at this part.
            var latest: [UUID: String] = [:]
            for row in snapshots where row.partID == part.id && members.contains(row.userID) { latest[row.userID] = row.data }
            let reaches = latest.values.compactMap { try? JSONDecoder().decode(EgoNetwork.self, from: Data($0.utf8)) }.map(reach(of:))
            return Cohort.PartCoverage(label: "Teil \(part.number)", coverage: NetworkCoverage(reaches))
        }.filter { $0.coverage.networks > 0 }
        let phases = try await AssessmentQueries.phases(editionID: editionID, cache: cache, on: db).filter { $0.respondents > 0 }
        var need: (String, Double, Int)?
        if let phase = phases.first,
            let row = try await cache.value(
                "network need \(phase.id)", on: db,
                compute: {
                    try await db.raw(
                        """
                        SELECT c.title, CAST(SUM(sa.need) AS BIGINT) AS need_sum, COUNT(*) AS answers FROM self_assessments sa
                        JOIN competence_areas c ON c.id = sa.competence_area_id
                        WHERE sa.phase_id = \(bind: phase.id) AND c.title LIKE \(bind: "Netzwerk%") GROUP BY c.title
                        """
                    ).first(decoding: NeedRow.self, with: .snakeCaseColumns)
                }), row.answers > 0, rule.mayShow(groupOf: row.answers)
        {
            need = (row.title, Double(row.needSum) / Double(row.answers), row.answers)
        }
        return Cohort(
            editionID: editionID, editionTitle: title, now: NetworkCoverage(members.compactMap { reach[$0] }),
            parts: partCoverage, networkNeed: need, rule: rule)
    }
}
