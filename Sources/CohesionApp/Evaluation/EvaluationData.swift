import Foundation
import SQLKit
import CohesionCore

/// The context a participant works in, as the needs map splits by it.
struct ParticipantContext: Sendable {
    let kind: String?
    let population: Int?
    let embedding: String?
    let foreignShare: Double?
}

/// The ways the needs map can split the cohort.
enum ContextDimension: String, CaseIterable, Sendable {
    case kind = "art", size = "groesse", embedding = "stelle", foreignShare = "anteil"

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

/// Ratings of one phase with each person's context, read in three queries.
struct EvaluationData: Sendable {
    struct Rating: Sendable { let person: UUID; let area: UUID; let level: Int; let need: Int }

    let ratings: [Rating]
    let contexts: [UUID: ParticipantContext]

    private struct RatingRow: Decodable { let user_id: UUID; let competence_area_id: UUID; let level: Int; let need: Int }
    private struct ContextRow: Decodable {
        let user_id: UUID; let region_key: String?; let kind: String?; let population: Int?; let embedding: String?
    }
    private struct ShareRow: Decodable { let region_key: String; let value: Double; let reference: String }

    static func query(phaseID: UUID, on db: any SQLDatabase) async throws -> EvaluationData {
        async let ratings = db.raw("""
            SELECT user_id, competence_area_id, level, need FROM self_assessments WHERE phase_id = \(bind: phaseID)
            """).all(decoding: RatingRow.self)
        async let contexts = db.raw("""
            SELECT p.user_id, p.region_key, r.kind, r.population, p.embedding FROM profiles p
            LEFT JOIN regions r ON r.key = p.region_key
            WHERE p.user_id IN (SELECT user_id FROM self_assessments WHERE phase_id = \(bind: phaseID))
            """).all(decoding: ContextRow.self)
        async let shares = db.raw("""
            SELECT f.region_key, f.value, f.reference FROM region_figures f
            WHERE f.indicator = 'foreign_share' AND f.region_key IN (
                SELECT p.region_key FROM profiles p WHERE p.user_id IN (SELECT user_id FROM self_assessments WHERE phase_id = \(bind: phaseID)))
            """).all(decoding: ShareRow.self)
        // The newest share per municipality: "31.12.2024" and "2025" compare by year, then by day.
        var newest: [String: (String, Double)] = [:]
        for share in try await shares {
            let sortable = StatisticFigure.sortableReference(share.reference)
            if newest[share.region_key].map({ $0.0 < sortable }) ?? true { newest[share.region_key] = (sortable, share.value) }
        }
        var byPerson: [UUID: ParticipantContext] = [:]
        for row in try await contexts {
            byPerson[row.user_id] = ParticipantContext(kind: row.kind, population: row.population, embedding: row.embedding,
                                                       foreignShare: row.region_key.flatMap { newest[$0]?.1 })
        }
        return EvaluationData(ratings: try await ratings.map { Rating(person: $0.user_id, area: $0.competence_area_id, level: $0.level, need: $0.need) },
                              contexts: byPerson)
    }
}
