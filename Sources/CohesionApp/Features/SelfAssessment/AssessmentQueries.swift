import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// A phase as lists show it.
struct PhaseSummary: Codable, Sendable {
    let id: UUID
    let editionID: UUID
    let editionTitle: String
    let code: String
    let isOpen: Bool
    let asksRetrospective: Bool
    let respondents: Int

    var kind: AssessmentPhaseKind? { AssessmentPhaseKind(code: code) }
    var label: String { kind?.label ?? code }
}

enum AssessmentQueries {
    private struct PhaseRow: Decodable {
        let id: UUID; let editionID: UUID; let editionTitle: String; let code: String; let isOpen: Bool
        let asksRetrospective: Bool; let respondents: Int
    }

    /// An edition's phases with their respondents, for the reports (kept in `cache` while the ratings stay).
    static func phases(editionID: UUID, cache: ReportCache?, on db: any SQLDatabase) async throws -> [PhaseSummary] {
        try await cache.value("phases \(editionID)", on: db) { try await phases(editionID: editionID, on: db) }
    }

    /// The phases of every edition of a programme, each edition's in the order `phases` gives them.
    static func phasesByEdition(programmeID: UUID, on db: any SQLDatabase) async throws -> [UUID: [PhaseSummary]] {
        Dictionary(grouping: try await phases(programmeID: programmeID, on: db), by: \.editionID)
    }

    /// `withRespondents` false leaves `respondents` at 0: counting them goes over every rating of
    /// the phase, which a participant's own pages do not show.
    static func phases(
        editionID: UUID? = nil, memberID: UUID? = nil, programmeID: UUID? = nil, withRespondents: Bool = true, on db: any SQLDatabase
    ) async throws -> [PhaseSummary] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let editionID { conditions.append("ph.edition_id = \(bind: editionID)") }
        if let programmeID { conditions.append("e.programme_id = \(bind: programmeID)") }
        if let memberID { conditions.append("ph.edition_id IN (SELECT edition_id FROM edition_members WHERE user_id = \(bind: memberID))") }
        let rows = try await db.raw(
            """
            SELECT ph.id, ph.edition_id, e.title AS edition_title, ph.code, ph.is_open, ph.asks_retrospective,
                   \(unsafeRaw: withRespondents ? "(SELECT COUNT(DISTINCT sa.user_id) FROM self_assessments sa WHERE sa.phase_id = ph.id)" : "0") AS respondents
            FROM assessment_phases ph JOIN editions e ON e.id = ph.edition_id
            WHERE \(conditions.joined(separator: " AND "))
            """
        ).all(decoding: PhaseRow.self, with: .snakeCaseColumns)
        return rows.map {
            PhaseSummary(
                id: $0.id, editionID: $0.editionID, editionTitle: $0.editionTitle, code: $0.code, isOpen: $0.isOpen,
                asksRetrospective: $0.asksRetrospective, respondents: $0.respondents)
        }.sorted { ($0.kind?.order ?? 0) < ($1.kind?.order ?? 0) }
    }

    struct Area: Codable, Sendable { let id: UUID; let title: String }

    /// The competence areas of a programme, in their order.
    static func areas(programmeID: UUID, on db: any SQLDatabase) async throws -> [Area] {
        try await db.raw("SELECT c.id, c.title FROM competence_areas c WHERE c.programme_id = \(bind: programmeID) ORDER BY c.position, c.title")
            .all(decoding: Area.self)
    }

    /// The competence areas of the programme an edition belongs to, in their order.
    static func areas(editionID: UUID, on db: any SQLDatabase) async throws -> [Area] {
        try await db.raw(
            """
            SELECT c.id, c.title FROM competence_areas c JOIN editions e ON e.programme_id = c.programme_id
            WHERE e.id = \(bind: editionID) ORDER BY c.position, c.title
            """
        ).all(decoding: Area.self)
    }
}

/// A participant's own ratings over time: level and need per area and phase.
struct AssessmentHistory: Codable, Sendable {
    struct Cell: Codable, Sendable { let level: Int; let need: Int }

    /// The edition's phases, without their respondents (a person's own history does not show them).
    let phases: [PhaseSummary]
    let areas: [AssessmentQueries.Area]
    /// `ratings[areaID][phaseID]`
    let ratings: [UUID: [UUID: Cell]]

    private struct Row: Decodable { let phaseID: UUID; let competenceAreaID: UUID; let level: Int; let need: Int }

    static func query(userID: UUID, editionID: UUID, on db: any SQLDatabase) async throws -> AssessmentHistory {
        async let phases = AssessmentQueries.phases(editionID: editionID, withRespondents: false, on: db)
        async let areas = AssessmentQueries.areas(editionID: editionID, on: db)
        async let rows = db.raw(
            """
            SELECT sa.phase_id, sa.competence_area_id, sa.level, sa.need FROM self_assessments sa
            JOIN assessment_phases ph ON ph.id = sa.phase_id
            WHERE sa.user_id = \(bind: userID) AND ph.edition_id = \(bind: editionID)
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns)
        var ratings: [UUID: [UUID: Cell]] = [:]
        for row in try await rows { ratings[row.competenceAreaID, default: [:]][row.phaseID] = Cell(level: row.level, need: row.need) }
        let answered = Set(try await rows.map(\.phaseID))
        return AssessmentHistory(phases: try await phases.filter { answered.contains($0.id) }, areas: try await areas, ratings: ratings)
    }
}
