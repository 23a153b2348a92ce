import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// Reads `ProgrammeComparison`: the figures of each edition's impact report, read for every
/// edition at once (a dozen statements however many editions the programme has run).
extension ProgrammeComparison {
    private struct EditionRow: Decodable { let id: UUID; let title: String; let members: Int; let certificates: Int }
    private struct TitleRow: Decodable { let title: String }

    /// Kept whole until a row under it changes, as each edition's impact report is.
    static func query(
        programmeID: UUID, today: CalendarDay, rule: DisclosureRule, cache: ReportCache?, on db: any SQLDatabase
    ) async throws -> ProgrammeComparison? {
        try await cache.value("programme-comparison:\(programmeID):\(today.iso):\(rule.minimumGroupSize)", on: db) {
            try await compute(programmeID: programmeID, rule: rule, on: db)
        }
    }

    private static func compute(programmeID: UUID, rule: DisclosureRule, on db: any SQLDatabase) async throws -> ProgrammeComparison? {
        guard let programme = try await db.raw("SELECT title FROM programmes WHERE id = \(bind: programmeID)").first(decoding: TitleRow.self) else {
            return nil
        }
        // In the order they ran: by their first part, editions without parts last.
        async let editionRows = db.raw(
            """
            SELECT e.id, e.title, (SELECT COUNT(*) FROM edition_members m WHERE m.edition_id = e.id) AS members,
                   (SELECT COUNT(*) FROM certificates c WHERE c.edition_id = e.id AND c.revoked_at IS NULL) AS certificates
            FROM editions e WHERE e.programme_id = \(bind: programmeID)
            ORDER BY (SELECT MIN(p.starts_on) FROM parts p WHERE p.edition_id = e.id) IS NULL,
                     (SELECT MIN(p.starts_on) FROM parts p WHERE p.edition_id = e.id), e.title
            """
        ).all(decoding: EditionRow.self)
        async let areaList = AssessmentQueries.areas(programmeID: programmeID, on: db)
        async let phaseLists = AssessmentQueries.phasesByEdition(programmeID: programmeID, on: db)
        async let surveyLists = FeedbackQueries.surveys(programmeID: programmeID, on: db)
        let editions = try await editionRows
        let areas = try await areaList
        let shown = editions.filter { rule.mayShow(groupOf: $0.members) }
        async let transfers = TransferReport.query(
            programmeID: programmeID, members: Dictionary(uniqueKeysWithValues: shown.map { ($0.id, $0.members) }), areas: areas, rule: rule, on: db)

        // Each edition's compared phases and its first answered one, as its change and needs reports choose them.
        let phases = try await phaseLists
        var pairs: [UUID: UUID] = [:]
        var afterOf: [UUID: UUID] = [:]
        var firstOf: [UUID: UUID] = [:]
        for edition in shown {
            let own = phases[edition.id] ?? []
            if let first = own.first(where: { $0.respondents > 0 }) { firstOf[edition.id] = first.id }
            let (before, after) = ChangeReport.compared(own)
            if let before, let after, before.id != after.id {
                pairs[after.id] = before.id
                afterOf[edition.id] = after.id
            }
        }
        let firstPhases = Array(firstOf.values)
        async let changes = EvaluationData.change(pairs: pairs, on: db)
        async let needs = EvaluationData.needs(phaseIDs: firstPhases, on: db)
        let surveys = try await surveyLists
        let answers = try await FeedbackQueries.answers(
            surveys: shown.flatMap { surveys[$0.id] ?? [] }.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id),
            withTexts: false, cache: nil, on: db)
        let changeTallies = try await changes
        let needTallies = try await needs
        let transfer = try await transfers

        let columns = editions.map { edition -> Column in
            guard rule.mayShow(groupOf: edition.members), let transfer = transfer[edition.id] else {
                return Column(editionID: edition.id, title: edition.title, members: edition.members, report: nil)
            }
            let satisfaction = ImpactReport.satisfaction(surveys[edition.id] ?? [], answers: answers, rule: rule)
            let needs = (firstOf[edition.id].flatMap { needTallies[$0] } ?? []).map {
                NeedsAnalysis.Tally(area: $0.area, group: "alle", count: $0.answers, needSum: $0.needSum)
            }
            let figures = Figures(
                members: edition.members, certificates: edition.certificates, satisfaction: satisfaction.mean,
                surveyResponses: satisfaction.responses,
                change: afterOf[edition.id].map { ChangeReport.rows(areas: areas, tallies: changeTallies[$0] ?? [], dimension: nil, rule: rule) } ?? [],
                needs: NeedsAnalysis.map(needs, rule: rule).compactMapValues { $0["alle"] }, transfer: transfer)
            return Column(editionID: edition.id, title: edition.title, members: edition.members, report: figures)
        }
        return ProgrammeComparison(programmeID: programmeID, programmeTitle: programme.title, areas: areas, columns: columns, rule: rule)
    }
}
