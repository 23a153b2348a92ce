import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `ProgrammeComparison`: one impact report per edition large enough to show.
extension ProgrammeComparison {
    private struct EditionRow: Decodable { let id: UUID; let title: String; let members: Int }
    private struct TitleRow: Decodable { let title: String }

    /// Kept whole until a row under it changes, as each edition's impact report is: building it
    /// reads every edition's report (a set of statements each, or one when that report is kept).
    static func query(
        programmeID: UUID, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> ProgrammeComparison? {
        try await cache.value("programme-comparison:\(programmeID):\(today.iso):\(rule.minimumGroupSize)", on: db) {
            try await compute(programmeID: programmeID, today: today, rule: rule, cache: cache, on: db)
        }
    }

    private static func compute(
        programmeID: UUID, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> ProgrammeComparison? {
        guard let programme = try await db.raw("SELECT title FROM programmes WHERE id = \(bind: programmeID)").first(decoding: TitleRow.self) else {
            return nil
        }
        // In the order they ran: by their first part, editions without parts last.
        let editions = try await db.raw(
            """
            SELECT e.id, e.title, (SELECT COUNT(*) FROM edition_members m WHERE m.edition_id = e.id) AS members
            FROM editions e WHERE e.programme_id = \(bind: programmeID)
            ORDER BY (SELECT MIN(p.starts_on) FROM parts p WHERE p.edition_id = e.id) IS NULL,
                     (SELECT MIN(p.starts_on) FROM parts p WHERE p.edition_id = e.id), e.title
            """
        ).all(decoding: EditionRow.self)
        var columns: [Column] = []
        for edition in editions {
            let report =
                rule.mayShow(groupOf: edition.members)
                ? try await ImpactReport.query(editionID: edition.id, detail: .partner, today: today, rule: rule, cache: cache, on: db) : nil
            columns.append(Column(editionID: edition.id, title: edition.title, members: edition.members, report: report))
        }
        let areas = try await columns.first.asyncFlatMap { try await AssessmentQueries.areas(editionID: $0.editionID, on: db) } ?? []
        return ProgrammeComparison(programmeID: programmeID, programmeTitle: programme.title, areas: areas, columns: columns, rule: rule)
    }
}
