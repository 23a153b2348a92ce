import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Units to recommend to a participant, from their latest self-assessment in an edition.
enum RecommendationQuery {
    struct Item: Sendable {
        let recommendation: Recommendations.Recommendation
        let when: String
        let partID: UUID
        let hasMaterial: Bool
    }

    private struct UnitRow: Decodable {
        let id: UUID; let title: String; let startsAt: Date; let partID: UUID; let partNumber: Int; let materials: Int
    }
    private struct AreaRow: Decodable { let unitID: UUID; let competenceAreaID: UUID }

    static func items(history: AssessmentHistory, editionID: UUID, on db: any SQLDatabase) async throws -> [Item] {
        guard let latest = history.phases.last else { return [] }
        let ratings = history.areas.compactMap { area in
            history.ratings[area.id]?[latest.id].map { (area: area.id, title: area.title, level: $0.level, need: $0.need) }
        }
        let gaps = Recommendations.gaps(ratings)
        guard !gaps.isEmpty else { return [] }
        async let units = db.raw(
            """
            SELECT u.id, u.title, u.starts_at, p.id AS part_id, p.number AS part_number,
                   (SELECT COUNT(*) FROM materials m WHERE m.unit_id = u.id) AS materials
            FROM units u JOIN parts p ON p.id = u.part_id WHERE p.edition_id = \(bind: editionID) ORDER BY u.starts_at
            """
        ).all(decoding: UnitRow.self, with: .snakeCaseColumns)
        async let areas = db.raw(
            """
            SELECT uc.unit_id, uc.competence_area_id FROM unit_competence_areas uc JOIN units u ON u.id = uc.unit_id
            JOIN parts p ON p.id = u.part_id WHERE p.edition_id = \(bind: editionID)
            """
        ).all(decoding: AreaRow.self, with: .snakeCaseColumns)
        let areasByUnit = Dictionary(grouping: try await areas, by: \.unitID).mapValues { Set($0.map(\.competenceAreaID)) }
        let unitRows = try await units
        let offers = unitRows.map { Recommendations.UnitOffer(unit: $0.id, title: $0.title, areas: areasByUnit[$0.id] ?? []) }
        let byID = Dictionary(uniqueKeysWithValues: unitRows.map { ($0.id, $0) })
        return Recommendations.units(for: gaps, offers: offers).prefix(5).compactMap { recommendation in
            byID[recommendation.unit].map {
                Item(
                    recommendation: recommendation,
                    when: "Teil \($0.partNumber), " + BerlinTime.weekdayDate(BerlinTime.day(of: $0.startsAt)),
                    partID: $0.partID, hasMaterial: $0.materials > 0)
            }
        }
    }
}
