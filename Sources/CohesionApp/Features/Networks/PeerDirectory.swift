import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The colleagues' directory as `PeerMatching` reads it: one profile per participant who opted in,
/// built from their municipality, post, needs and network, with what the page needs to show them.
struct PeerDirectory: Sendable {
    struct Person: Sendable {
        let userID: UUID
        let name: String
        let municipality: String?
        let municipalityKind: String?
        let embedding: Embedding?
        let sizeBand: String?
        let foreignShareBand: String?
    }

    let people: [Person]
    let profiles: [PeerMatching.Profile]
    /// The competence areas behind the bits of `strongNeeds`, by title.
    let areaTitles: [String]

    private struct PersonRow: Decodable {
        let userID: UUID; let name: String; let regionKey: String?; let regionName: String?; let regionKind: String?
        let population: Int?; let embedding: String?; let taskFields: String?
    }
    private struct ShareRow: Decodable { let regionKey: String; let value: Double; let reference: String }
    private struct NeedRow: Decodable { let userID: UUID; let title: String; let need: Int; let phaseCode: String }
    private struct KindRow: Decodable { let userID: UUID; let kind: ActorKind }

    static func isListed(_ userID: UUID, on db: any SQLDatabase) async throws -> Bool {
        struct Row: Decodable { let userID: UUID }
        return try await db.raw("SELECT user_id FROM peer_directory WHERE user_id = \(bind: userID)")
            .first(decoding: Row.self, with: .snakeCaseColumns) != nil
    }

    /// Everyone in the directory. Needs are the strong ones (4–5) of each person's latest phase.
    /// Kept whole until a row under it changes (the directory, accounts, profiles, the register,
    /// ratings and networks move the report counter); each page then only matches the reader.
    static func load(cache: ReportCache?, on db: any SQLDatabase) async throws -> PeerDirectory {
        try await cache.value("peer-directory", on: db) { try await build(cache: cache, on: db) }
    }

    private static func build(cache: ReportCache?, on db: any SQLDatabase) async throws -> PeerDirectory {
        let rows = try await db.raw(
            """
            SELECT u.id AS user_id, u.name, p.region_key, r.name AS region_name, r.kind AS region_kind, r.population, p.embedding, p.task_fields
            FROM peer_directory d JOIN users u ON u.id = d.user_id LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN regions r ON r.key = p.region_key
            ORDER BY u.name, u.id
            """
        ).all(decoding: PersonRow.self, with: .snakeCaseColumns)
        let keys = Array(Set(rows.compactMap(\.regionKey)))
        let shares =
            keys.isEmpty
            ? []
            : try await db.raw(
                """
                SELECT region_key, value, reference FROM region_figures WHERE indicator = \(bind: Indicator.foreignShare) AND region_key IN (\(binds: keys))
                """
            ).all(decoding: ShareRow.self, with: .snakeCaseColumns)
        var newestShare: [String: (String, Double)] = [:]
        for share in shares {
            let sortable = StatisticFigure.sortableReference(share.reference)
            if newestShare[share.regionKey].map({ $0.0 < sortable }) ?? true { newestShare[share.regionKey] = (sortable, share.value) }
        }
        let needs = try await db.raw(
            """
            SELECT sa.user_id, c.title, sa.need, ph.code AS phase_code FROM self_assessments sa
            JOIN competence_areas c ON c.id = sa.competence_area_id JOIN assessment_phases ph ON ph.id = sa.phase_id
            WHERE sa.user_id IN (SELECT user_id FROM peer_directory)
            """
        ).all(decoding: NeedRow.self, with: .snakeCaseColumns)
        let reach = try await NetworkComparison.currentReach(cache: cache, on: db)
        let wishes = try await db.raw(
            """
            SELECT DISTINCT a.user_id, a.kind FROM network_ties t JOIN network_actors a ON a.id = t.to_actor_id
            WHERE t.status = \(bind: TieStatus.wanted)
            """
        ).all(decoding: KindRow.self, with: .snakeCaseColumns)

        // Grouped once, so building the directory stays linear in its size.
        let needsByUser = Dictionary(grouping: needs, by: \.userID)
        let wishesByUser = Dictionary(grouping: wishes, by: \.userID)
        var kinds: [String: Int] = [:]
        let areaTitles = Array(Set(needs.map(\.title))).sorted()
        let areaBits = Dictionary(uniqueKeysWithValues: areaTitles.enumerated().map { ($1, $0) })
        var people: [Person] = []
        var profiles: [PeerMatching.Profile] = []
        for (index, row) in rows.enumerated() {
            let size = ContextDimension.size.group(ParticipantContext(kind: nil, population: row.population, embedding: nil, foreignShare: nil))
            let share = row.regionKey.flatMap { newestShare[$0]?.1 }
            let shareBand = share.map { ContextDimension.foreignShare.group(ParticipantContext(kind: nil, population: nil, embedding: nil, foreignShare: $0)) }
            let embedding = row.embedding.flatMap(Embedding.init(rawValue:))
            let tasks = (row.taskFields ?? "").split(separator: ",").compactMap { TaskField(rawValue: String($0)) }
            // The newest phase a person answered: their codes sort pre < part-n < post only by kind, so take the last by phase order.
            let own = needsByUser[row.userID] ?? []
            let latestCode = own.map(\.phaseCode).max { Self.phaseOrder($0) < Self.phaseOrder($1) }
            let strong = own.filter { $0.phaseCode == latestCode && $0.need >= NeedsAnalysis.strongNeed }
            let reached = reach[row.userID]?.kinds ?? []
            let wanted = Set((wishesByUser[row.userID] ?? []).map(\.kind)).union(ActorKind.reference.filter { !reached.contains($0) })
            if let kind = row.regionKind, kinds[kind] == nil { kinds[kind] = kinds.count }
            people.append(
                Person(
                    userID: row.userID, name: row.name, municipality: row.regionName.map(RegionName.readable),
                    municipalityKind: row.regionKind, embedding: embedding,
                    sizeBand: row.population == nil ? nil : size, foreignShareBand: shareBand))
            profiles.append(
                PeerMatching.Profile(
                    id: index, municipalityKind: row.regionKind.flatMap { kinds[$0] },
                    sizeBand: row.population == nil ? nil : Self.sizeBands.firstIndex(of: size),
                    foreignShareBand: shareBand.flatMap { Self.shareBands.firstIndex(of: $0) },
                    embedding: embedding.flatMap { Embedding.allCases.firstIndex(of: $0) },
                    taskFields: tasks.reduce(0) { $0 | (1 << UInt32(TaskField.allCases.firstIndex(of: $1)!)) },
                    strongNeeds: strong.reduce(0) { $0 | (1 << UInt32(areaBits[$1.title] ?? 31)) },
                    reachedKinds: PeerMatching.Profile.kinds(reached), wantedKinds: PeerMatching.Profile.kinds(wanted)))
        }
        return PeerDirectory(people: people, profiles: profiles, areaTitles: areaTitles)
    }

    static let sizeBands = ["unter 5.000", "5.000 bis unter 20.000", "20.000 bis unter 100.000", "100.000 und mehr"]
    static let shareBands = ["unter 10 %", "10 bis unter 20 %", "20 % und mehr"]

    static func phaseOrder(_ code: String) -> Int {
        switch AssessmentPhaseKind(code: code) {
        case .pre?: 0
        case .afterPart(let number)?: number
        case .post?: 1000
        case nil: -1
        }
    }

    /// The colleagues suggested to `userID`, best first, with their reasons; empty unless they are listed themselves.
    func suggestions(for userID: UUID, limit: Int = 8) -> [(person: Person, reasons: PeerMatching.Reasons)] {
        guard let me = people.firstIndex(where: { $0.userID == userID }) else { return [] }
        return PeerMatching.suggestions(for: profiles[me], among: profiles, limit: limit).map { (people[$0.id], $0.reasons) }
    }
}
