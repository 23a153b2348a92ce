import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

extension ProgrammeOverview {
    private struct ProgrammeRow: Decodable { let id: UUID; let title: String; let summary: String }
    private struct EditionRow: Decodable { let id: UUID; let programmeID: UUID; let title: String; let summary: String }
    private struct ModuleRow: Decodable { let id: UUID; let programmeID: UUID; let code: String; let title: String }
    private struct AreaRow: Decodable { let id: UUID; let programmeID: UUID; let title: String }

    static func query(on db: any SQLDatabase) async throws -> ProgrammeOverview {
        async let programmes = db.raw("SELECT id, title, summary FROM programmes ORDER BY title").all(decoding: ProgrammeRow.self)
        async let editions = db.raw("SELECT id, programme_id, title, summary FROM editions ORDER BY title").all(
            decoding: EditionRow.self, with: .snakeCaseColumns)
        async let modules = db.raw("SELECT id, programme_id, code, title FROM modules ORDER BY position, code").all(
            decoding: ModuleRow.self, with: .snakeCaseColumns)
        async let areas = db.raw("SELECT id, programme_id, title FROM competence_areas ORDER BY position, title").all(
            decoding: AreaRow.self, with: .snakeCaseColumns)
        async let parts = PartSummary.all(on: db)
        let partsByEdition = Dictionary(grouping: try await parts, by: \.editionID)
        let editionsByProgramme = Dictionary(grouping: try await editions, by: \.programmeID)
        let modulesByProgramme = Dictionary(grouping: try await modules, by: \.programmeID)
        let areasByProgramme = Dictionary(grouping: try await areas, by: \.programmeID)
        return ProgrammeOverview(
            programmes: try await programmes.map { programme in
                ProgrammeSummary(
                    id: programme.id, title: programme.title, summary: programme.summary,
                    editions: (editionsByProgramme[programme.id] ?? []).map {
                        EditionSummary(id: $0.id, title: $0.title, summary: $0.summary, parts: partsByEdition[$0.id] ?? [])
                    },
                    modules: (modulesByProgramme[programme.id] ?? []).map { ModuleSummary(id: $0.id, code: $0.code, title: $0.title) },
                    competenceAreas: (areasByProgramme[programme.id] ?? []).map { CompetenceAreaSummary(id: $0.id, title: $0.title) }
                )
            })
    }
}

extension PartSummary {
    static let columns = "p.id, p.edition_id, p.number, p.title, p.focus, p.starts_on, p.ends_on, p.venue_name, p.city"

    static func all(on db: any SQLDatabase) async throws -> [PartSummary] {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM parts p ORDER BY p.starts_on, p.number")
            .all(decoding: PartSummary.self, with: .snakeCaseColumns)
    }

    static func all(editionID: UUID, on db: any SQLDatabase) async throws -> [PartSummary] {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM parts p WHERE p.edition_id = \(bind: editionID) ORDER BY p.starts_on, p.number")
            .all(decoding: PartSummary.self, with: .snakeCaseColumns)
    }
}
