import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The context a participant works in, as the needs map splits by it.
struct ParticipantContext: Sendable {
    let kind: String?
    let population: Int?
    let embedding: String?
    let foreignShare: Double?
}

/// The ways the needs map can split the cohort.
enum ContextDimension: String, CaseIterable, Sendable {
    case kind = "art"
    case size = "groesse"
    case embedding = "stelle"
    case foreignShare = "anteil"

    var label: String {
        switch self {
        case .kind: "Art der Kommune"
        case .size: "Größe der Kommune"
        case .embedding: "Anbindung der Stelle"
        case .foreignShare: "Anteil ausländischer Einwohner*innen"
        }
    }

    func group(_ context: ParticipantContext?) -> String {
        switch self {
        case .kind:
            return context?.kind ?? "ohne Angabe"
        case .size:
            guard let population = context?.population else { return "ohne Angabe" }
            switch population {
            case ..<5_000: return "unter 5.000"
            case ..<20_000: return "5.000 bis unter 20.000"
            case ..<100_000: return "20.000 bis unter 100.000"
            default: return "100.000 und mehr"
            }
        case .embedding:
            return context?.embedding.flatMap(Embedding.init(rawValue:))?.label ?? "ohne Angabe"
        case .foreignShare:
            guard let share = context?.foreignShare else { return "ohne Angabe" }
            return share < 10 ? "unter 10 %" : share < 20 ? "10 bis unter 20 %" : "20 % und mehr"
        }
    }
}

/// A phase's ratings summed in the database per competence area and, when asked, per context
/// key, so a report reads a few rows per area however large the edition is.
enum EvaluationData {
    struct NeedTally: Sendable { let area: UUID; let group: String; let answers: Int; let needSum: Int; let strong: Int }
    struct ChangeTally: Sendable { let area: UUID; let group: String; let sums: PairedChange.Sums }

    private struct NeedRow: Decodable {
        let area: UUID; let groupKey: String?; let answers: Int; let needSum: Int; let strong: Int
    }
    private struct ChangeRow: Decodable {
        let area: UUID; let groupKey: String?; let pairs: Int; let beforeSum: Int; let afterSum: Int
        let differenceSum: Int; let squaredSum: Int; let retrospectiveSum: Int?; let retrospectiveCount: Int
        let thenSum: Int?; let thenSquaredSum: Int?

        var sums: PairedChange.Sums {
            PairedChange.Sums(
                count: pairs, before: Double(beforeSum), after: Double(afterSum),
                difference: Double(differenceSum), squaredDifference: Double(squaredSum),
                retrospective: Double(retrospectiveSum ?? 0), retrospectiveCount: retrospectiveCount,
                thenDifference: Double(thenSum ?? 0), thenSquaredDifference: Double(thenSquaredSum ?? 0))
        }
    }
    private struct Phase: Decodable { let phase: UUID }
    private struct RegionRow: Decodable { let key: String; let kind: String; let population: Int? }
    private struct ShareRow: Decodable { let regionKey: String; let value: Double; let reference: String }

    /// Need per area and context group; the whole cohort is the groups added up.
    static func needs(
        phaseID: UUID, by dimension: ContextDimension, cache: ReportCache? = nil,
        on db: any SQLDatabase
    ) async throws -> [NeedTally] {
        try await cache.value("needs \(phaseID) \(dimension.rawValue)", on: db) { try await needs(phaseID: phaseID, by: dimension, on: db) }
    }

    private static func needs(phaseID: UUID, by dimension: ContextDimension, on db: any SQLDatabase) async throws -> [NeedTally] {
        let key = groupKey(dimension)
        let rows = try await db.raw(
            """
            SELECT sa.competence_area_id AS area, \(unsafeRaw: key) AS group_key, \(unsafeRaw: needSums)
            FROM self_assessments sa LEFT JOIN profiles p ON p.user_id = sa.user_id LEFT JOIN regions r ON r.key = p.region_key
            WHERE sa.phase_id = \(bind: phaseID) GROUP BY sa.competence_area_id\(unsafeRaw: groupBy(dimension))
            """
        ).all(decoding: NeedRow.self, with: .snakeCaseColumns)
        let label = try await labeller(dimension, keys: rows.compactMap(\.groupKey), on: db)
        return rows.map { NeedTally(area: $0.area, group: label($0.groupKey), answers: $0.answers, needSum: $0.needSum, strong: $0.strong) }
    }

    /// Before against after per area for those who answered both phases, summed per group.
    static func change(
        before: UUID, after: UUID, by dimension: ContextDimension?, cache: ReportCache? = nil,
        on db: any SQLDatabase
    ) async throws -> [ChangeTally] {
        try await cache.value("change \(before) \(after) \(dimension?.rawValue ?? "alle")", on: db) {
            try await change(before: before, after: after, by: dimension, on: db)
        }
    }

    private static func change(before: UUID, after: UUID, by dimension: ContextDimension?, on db: any SQLDatabase) async throws -> [ChangeTally] {
        let key = groupKey(dimension)
        let rows = try await db.raw(
            """
            SELECT a.competence_area_id AS area, \(unsafeRaw: key) AS group_key, \(unsafeRaw: changeSums)
            FROM self_assessments a
            JOIN self_assessments b ON b.phase_id = \(bind: before) AND b.user_id = a.user_id AND b.competence_area_id = a.competence_area_id
            LEFT JOIN profiles p ON p.user_id = a.user_id LEFT JOIN regions r ON r.key = p.region_key
            WHERE a.phase_id = \(bind: after) GROUP BY a.competence_area_id\(unsafeRaw: groupBy(dimension))
            """
        ).all(decoding: ChangeRow.self, with: .snakeCaseColumns)
        let label = try await labeller(dimension, keys: rows.compactMap(\.groupKey), on: db)
        return rows.map { ChangeTally(area: $0.area, group: label($0.groupKey), sums: $0.sums) }
    }

    /// The whole cohort's change for several editions in one statement: `pairs` maps each
    /// edition's after phase to its before phase; the answer is keyed by the after phase.
    static func change(pairs: [UUID: UUID], on db: any SQLDatabase) async throws -> [UUID: [ChangeTally]] {
        guard !pairs.isEmpty else { return [:] }
        let before = pairs.map { after, before -> SQLQueryString in "WHEN \(bind: after) THEN \(bind: before)" }
        let rows = try await db.raw(
            """
            SELECT a.phase_id AS phase, a.competence_area_id AS area, CAST(NULL AS TEXT) AS group_key, \(unsafeRaw: changeSums)
            FROM self_assessments a
            JOIN self_assessments b ON b.phase_id = CASE a.phase_id \(before.joined(separator: " ")) END
                 AND b.user_id = a.user_id AND b.competence_area_id = a.competence_area_id
            WHERE a.phase_id IN (\(binds: Array(pairs.keys))) GROUP BY a.phase_id, a.competence_area_id
            """
        ).all(decoding: RowWith<Phase, ChangeRow>.self, with: .snakeCaseColumns)
        return Dictionary(grouping: rows, by: \.extra.phase).mapValues { $0.map { ChangeTally(area: $0.row.area, group: "alle", sums: $0.row.sums) } }
    }

    /// The sums a paired change is worked out from, for self-assessments `a` (after) joined to `b` (before).
    private static let changeSums = """
        COUNT(*) AS pairs,
        CAST(SUM(b.level) AS BIGINT) AS before_sum, CAST(SUM(a.level) AS BIGINT) AS after_sum,
        CAST(SUM(a.level - b.level) AS BIGINT) AS difference_sum,
        CAST(SUM((a.level - b.level) * (a.level - b.level)) AS BIGINT) AS squared_sum,
        CAST(SUM(a.retrospective_level) AS BIGINT) AS retrospective_sum, COUNT(a.retrospective_level) AS retrospective_count,
        CAST(SUM(a.level - a.retrospective_level) AS BIGINT) AS then_sum,
        CAST(SUM((a.level - a.retrospective_level) * (a.level - a.retrospective_level)) AS BIGINT) AS then_squared_sum
        """

    /// The whole cohort's need per area for several phases in one statement, keyed by phase.
    static func needs(phaseIDs: [UUID], on db: any SQLDatabase) async throws -> [UUID: [NeedTally]] {
        guard !phaseIDs.isEmpty else { return [:] }
        struct Row: Decodable { let phase: UUID; let area: UUID; let answers: Int; let needSum: Int; let strong: Int }
        let rows = try await db.raw(
            """
            SELECT sa.phase_id AS phase, sa.competence_area_id AS area, \(unsafeRaw: needSums)
            FROM self_assessments sa WHERE sa.phase_id IN (\(binds: phaseIDs)) GROUP BY sa.phase_id, sa.competence_area_id
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        return Dictionary(grouping: rows, by: \.phase).mapValues {
            $0.map { NeedTally(area: $0.area, group: "alle", answers: $0.answers, needSum: $0.needSum, strong: $0.strong) }
        }
    }

    private static let needSums = """
        COUNT(*) AS answers, CAST(SUM(sa.need) AS BIGINT) AS need_sum,
        CAST(SUM(CASE WHEN sa.need >= \(NeedsAnalysis.strongNeed) THEN 1 ELSE 0 END) AS BIGINT) AS strong
        """

    /// What the database groups by: the kind or the embedding directly; the municipality where
    /// its size band or foreign share is worked out here.
    private static func groupKey(_ dimension: ContextDimension?) -> String {
        switch dimension {
        case nil: "CAST(NULL AS TEXT)"
        case .kind: "r.kind"
        case .embedding: "p.embedding"
        case .size, .foreignShare: "p.region_key"
        }
    }

    /// PostgreSQL refuses a constant in GROUP BY, so the whole cohort groups by area alone.
    private static func groupBy(_ dimension: ContextDimension?) -> String {
        dimension == nil ? "" : ", " + groupKey(dimension)
    }

    private static func labeller(
        _ dimension: ContextDimension?, keys: [String],
        on db: any SQLDatabase
    ) async throws -> @Sendable (String?) -> String {
        guard let dimension else { return { _ in "alle" } }
        switch dimension {
        case .kind:
            return { dimension.group(ParticipantContext(kind: $0, population: nil, embedding: nil, foreignShare: nil)) }
        case .embedding:
            return { dimension.group(ParticipantContext(kind: nil, population: nil, embedding: $0, foreignShare: nil)) }
        case .size, .foreignShare:
            let facts = try await regionFacts(Array(Set(keys)), on: db)
            return { key in dimension.group(key.flatMap { facts[$0] }) }
        }
    }

    /// Kind, population and newest foreign share of the given municipalities.
    private static func regionFacts(_ keys: [String], on db: any SQLDatabase) async throws -> [String: ParticipantContext] {
        guard !keys.isEmpty else { return [:] }
        async let regions = db.raw("SELECT key, kind, population FROM regions WHERE key IN (\(binds: keys))").all(decoding: RegionRow.self)
        async let shares = db.raw(
            """
            SELECT region_key, value, reference FROM region_figures WHERE indicator = \(bind: Indicator.foreignShare) AND region_key IN (\(binds: keys))
            """
        ).all(decoding: ShareRow.self, with: .snakeCaseColumns)
        // The newest share per municipality: "31.12.2024" and "2025" compare by year, then by day.
        var newest: [String: (String, Double)] = [:]
        for share in try await shares {
            let sortable = StatisticFigure.sortableReference(share.reference)
            if newest[share.regionKey].map({ $0.0 < sortable }) ?? true { newest[share.regionKey] = (sortable, share.value) }
        }
        var facts: [String: ParticipantContext] = [:]
        for region in try await regions {
            facts[region.key] = ParticipantContext(
                kind: region.kind, population: region.population, embedding: nil,
                foreignShare: newest[region.key]?.1)
        }
        return facts
    }
}
