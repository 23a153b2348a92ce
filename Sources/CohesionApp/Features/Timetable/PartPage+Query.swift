import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

extension PartPage {
    private struct HeaderRow: Decodable {
        let address: String
        let capacity: Int
        let delivery: String
        let editionTitle: String
        let programmeTitle: String
    }

    private struct UnitRow: Decodable {
        let id: UUID
        let title: String
        let description: String
        let objectives: String
        let startsAt: Date
        let endsAt: Date
        let room: String
        let format: String
        let delivery: String
        let moduleID: UUID?
        let moduleCode: String?
        let moduleTitle: String?
    }

    private struct LabelRow: Decodable { let unitID: UUID; let label: String }

    static func query(partID: UUID, on db: any SQLDatabase) async throws -> PartPage? {
        async let partRow = db.raw(
            """
            SELECT \(unsafeRaw: PartSummary.columns) FROM parts p WHERE p.id = \(bind: partID)
            """
        ).first(decoding: PartSummary.self, with: .snakeCaseColumns)
        async let header = db.raw(
            """
            SELECT p.address, p.capacity, p.delivery, e.title AS edition_title, g.title AS programme_title
            FROM parts p JOIN editions e ON e.id = p.edition_id JOIN programmes g ON g.id = e.programme_id
            WHERE p.id = \(bind: partID)
            """
        ).first(decoding: HeaderRow.self, with: .snakeCaseColumns)
        async let units = db.raw(
            """
            SELECT u.id, u.title, u.description, u.objectives, u.starts_at, u.ends_at, u.room, u.format, u.delivery,
                   m.id AS module_id, m.code AS module_code, m.title AS module_title
            FROM units u LEFT JOIN modules m ON m.id = u.module_id
            WHERE u.part_id = \(bind: partID) ORDER BY u.starts_at
            """
        ).all(decoding: UnitRow.self, with: .snakeCaseColumns)
        async let areas = db.raw(
            """
            SELECT uc.unit_id, c.title AS label FROM unit_competence_areas uc
            JOIN competence_areas c ON c.id = uc.competence_area_id JOIN units u ON u.id = uc.unit_id
            WHERE u.part_id = \(bind: partID) ORDER BY c.position, c.title
            """
        ).all(decoding: LabelRow.self, with: .snakeCaseColumns)
        async let facilitators = db.raw(
            """
            SELECT uf.unit_id, us.name AS label FROM unit_facilitators uf
            JOIN users us ON us.id = uf.user_id JOIN units u ON u.id = uf.unit_id
            WHERE u.part_id = \(bind: partID) ORDER BY us.name
            """
        ).all(decoding: LabelRow.self, with: .snakeCaseColumns)
        guard let part = try await partRow, let header = try await header else { return nil }
        let areasByUnit = Dictionary(grouping: try await areas, by: \.unitID)
        let facilitatorsByUnit = Dictionary(grouping: try await facilitators, by: \.unitID)
        let timetableUnits = try await units.map { row in
            TimetableUnit(
                id: row.id, title: row.title, description: row.description, objectives: row.objectives,
                startsAt: row.startsAt, endsAt: row.endsAt, room: row.room, format: row.format, delivery: row.delivery,
                module: row.moduleID.map { ModuleSummary(id: $0, code: row.moduleCode ?? "", title: row.moduleTitle ?? "") },
                competenceAreas: (areasByUnit[row.id] ?? []).map(\.label),
                facilitators: (facilitatorsByUnit[row.id] ?? []).map(\.label))
        }
        let days = Timetable.days(timetableUnits, from: part.startsOn, to: part.endsOn, start: \.startsAt)
        return PartPage(
            part: part, address: header.address, capacity: header.capacity, delivery: header.delivery,
            programmeTitle: header.programmeTitle, editionTitle: header.editionTitle,
            days: days.map { TimetableDayModel(day: $0.day, units: $0.items) })
    }
}
