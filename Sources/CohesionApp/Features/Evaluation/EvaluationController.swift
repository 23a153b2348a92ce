import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The cohort's needs and the change before and after, for the lead and the facilitators:
/// aggregates only, each hidden below the disclosure threshold.
struct EvaluationController {
    func needs(req: Request) async throws -> Response {
        try await needsPage(req, edition: try await Edition.named(by: req), entry: nil)
    }

    /// The needs page; `entry` is a refused decision, shown again with what was typed.
    func needsPage(_ req: Request, edition: Edition, entry: NeedTraceView.Entry?) async throws -> Response {
        let query = (try? req.query.decode([String: String].self)) ?? [:]
        let (report, trace) = try await needsAndTrace(
            req, edition: edition, phaseID: query["zeitpunkt"].flatMap(UUID.init(uuidString:)),
            dimension: query["kontext"].flatMap(ContextDimension.init(rawValue:)) ?? .kind)
        let user = try req.requireUser()
        let editable = user.role.canEditStructure ? (entry ?? NeedTraceView.Entry()) : nil
        return .html(
            EvaluationViews.needs(report, trace: trace, entry: editable, frame: req.frame("Bedarfe der Kohorte", section: .admin)),
            status: entry == nil ? .ok : .unprocessableEntity)
    }

    private struct NeedsAndTrace: Sendable { let report: NeedsReport; let trace: NeedTrace }

    /// Kept whole behind the report counter, like the partner's report: every table it reads is
    /// watched (the sums were kept before, but the phases, areas, parts, coverage, the other
    /// report and the decisions were read around them: 12–16 statements, 9 ms on PostgreSQL).
    /// The day (the part to plan) and the disclosure threshold are in the key.
    func needsAndTrace(
        _ req: Request, edition: Edition, phaseID: UUID? = nil, dimension: ContextDimension = .kind
    ) async throws -> (NeedsReport, NeedTrace) {
        let editionID = try edition.requireID()
        // Only a phase of the edition goes into the key: any other address shows the first phase,
        // and must not fill the shelf with copies of it.
        let phases = try await AssessmentQueries.phases(editionID: editionID, cache: req.cohesion.reports, on: req.sql)
        let phaseID = phases.contains { $0.id == phaseID } ? phaseID : nil
        let key = [
            "needs-page", editionID.uuidString, phaseID?.uuidString ?? "-", dimension.rawValue, BerlinTime.day(of: req.now).iso,
            "\(req.disclosureRule.minimumGroupSize)",
        ].joined(separator: ":")
        let kept = try await req.cohesion.reports.value(key, on: req.sql) {
            let (report, trace) = try await computeNeedsAndTrace(req, edition: edition, phaseID: phaseID, dimension: dimension)
            return NeedsAndTrace(report: report, trace: trace)
        }
        return (kept.report, kept.trace)
    }

    private func computeNeedsAndTrace(
        _ req: Request, edition: Edition, phaseID: UUID?, dimension: ContextDimension
    ) async throws -> (NeedsReport, NeedTrace) {
        let editionID = try edition.requireID()
        // One after the other: both read the edition's phases through the report cache, and two
        // misses at once would both query them.
        let report = try await NeedsReport.query(
            editionID: editionID, editionTitle: edition.title, phaseID: phaseID, dimension: dimension,
            today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        let change = try await ChangeReport.query(
            editionID: editionID, editionTitle: edition.title, rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        // The trace always starts from the first measurement, whichever the page shows.
        let basis =
            report.phase?.id == report.phases.first?.id
            ? report
            : try await NeedsReport.query(
                editionID: editionID, editionTitle: edition.title, phaseID: nil, dimension: dimension,
                today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        return (report, try await NeedTrace.query(needs: basis, change: change, on: req.sql))
    }

    func change(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let dimension = req.query[String.self, at: "kontext"].flatMap(ContextDimension.init(rawValue:))
        let report = try await ChangeReport.query(
            editionID: try edition.requireID(), editionTitle: edition.title, dimension: dimension,
            rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        return .html(EvaluationViews.change(report, frame: req.frame("Veränderung vorher – nachher", section: .admin)))
    }

    func aggregatesExport(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        async let needs = NeedsReport.query(
            editionID: editionID, editionTitle: edition.title, phaseID: nil, dimension: .kind,
            today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        async let change = ChangeReport.query(
            editionID: editionID, editionTitle: edition.title, rule: req.disclosureRule,
            cache: req.cohesion.reports, on: req.sql)
        return EvaluationExports.aggregates(needs: try await needs, change: try await change)
    }

    func researchExport(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let secrets = req.cohesion.secrets
        let key = try await Setting.value("research_pseudonym_key", orCreate: { secrets.make() }, on: req.db)
        let editionID = try edition.requireID()
        let rule = req.disclosureRule
        return CSVDownload.response(fileName: "forschungsdaten.csv", header: EvaluationExports.researchHeader, on: req.db) { db, sink in
            try await EvaluationExports.research(editionID: editionID, key: key, rule: rule, on: db, into: &sink)
        }
    }

}
