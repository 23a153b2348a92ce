import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

/// The impact report of an edition, read-only and aggregate, with the page's hiding: a hidden
/// value is left out, never sent as zero.
extension APIHandler {
    func getEditionReport(_ input: Operations.GetEditionReport.Input) async throws -> Operations.GetEditionReport.Output {
        let req = try request
        guard
            let report = try await ImpactReport.query(
                editionID: try id(input.path.edition), detail: .partner, today: BerlinTime.day(of: req.now), rule: req.disclosureRule,
                cache: req.cohesion.reports, on: req.sql)
        else { throw AppError.notFound }
        typealias Schemas = Components.Schemas
        func figures(_ change: PairedChange?) -> Schemas.ChangeFigures? {
            change.map { .init(mean: $0.meanDifference, low: $0.confidenceLow, high: $0.confidenceHigh, cohensD: $0.cohensD) }
        }
        func figures(_ then: PairedChange.Difference?) -> Schemas.ChangeFigures? {
            then.map { .init(mean: $0.mean, low: $0.confidenceLow, high: $0.confidenceHigh, cohensD: $0.cohensD) }
        }
        func counts(_ counts: [TransferSummary.Count]?) -> [Schemas.OptionCount]? {
            counts.flatMap { $0.isEmpty ? nil : $0.map { .init(code: $0.code, label: $0.label, count: $0.count) } }
        }
        let summary = report.transfer.summary
        let changes = Dictionary(report.change.rows.map { ($0.area.id, $0) }, uniquingKeysWith: { first, _ in first })
        return .ok(
            .init(
                body: .json(
                    .init(
                        editionID: report.editionID.uuidString, edition: report.editionTitle, programme: report.programmeTitle,
                        members: report.members, certificates: report.certificates, minimumGroup: report.rule.minimumGroupSize,
                        reaction: .init(
                            parts: report.parts.map {
                                .init(
                                    label: $0.label, satisfaction: $0.satisfaction, surveyResponses: $0.surveyResponses,
                                    attendanceRate: $0.attendanceRate, attendanceRecords: $0.attendanceRecords)
                            },
                            units: report.units.map {
                                .init(
                                    label: $0.label, satisfaction: $0.satisfaction, surveyResponses: $0.surveyResponses,
                                    attendanceRate: $0.attendanceRate, attendanceRecords: $0.attendanceRecords)
                            }),
                        learning: report.needs.areas.map { area in
                            let row = changes[area.id]
                            return .init(
                                area: area.title, pairs: row?.pairs ?? 0, change: figures(row?.change), thenTest: figures(row?.change?.thenTest),
                                needAnswers: report.needs.overall[area.id]?.count ?? 0, meanNeed: report.needs.overall[area.id]?.meanNeed)
                        },
                        trace: report.trace.rows.map { row in
                            switch row.decision {
                            case .open:
                                .init(area: row.area.title, strongNeed: row.strongNeed, suggestedFrom: row.suggestedFrom, decision: .offen)
                            case .takenUp(let unit, _, let gone, _):
                                .init(
                                    area: row.area.title, strongNeed: row.strongNeed, suggestedFrom: row.suggestedFrom, decision: .aufgegriffen,
                                    unit: unit, unitDeleted: gone)
                            case .dismissed(let reason, _):
                                .init(area: row.area.title, strongNeed: row.strongNeed, suggestedFrom: row.suggestedFrom, decision: .verworfen, reason: reason)
                            }
                        },
                        behaviour: .init(
                            followUpOpened: report.transfer.opensOn != nil, responses: summary.responses, changes: counts(summary.changes),
                            areasUsed: counts(summary.areasUsed), helped: counts(summary.helped), hindered: counts(summary.hindered),
                            projects: summary.projects, projectOutcomes: counts(summary.outcomes))))))
    }
}
