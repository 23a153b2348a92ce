import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The cohort's needs and the change before and after, for the lead and the facilitators:
/// aggregates only, each hidden below the disclosure threshold.
struct EvaluationController {
    func needs(req: Request) async throws -> Response {
        let edition = try await edition(req)
        let query = (try? req.query.decode([String: String].self)) ?? [:]
        let report = try await NeedsReport.query(
            editionID: try edition.requireID(), editionTitle: edition.title,
            phaseID: query["zeitpunkt"].flatMap(UUID.init(uuidString:)),
            dimension: query["kontext"].flatMap(ContextDimension.init(rawValue:)) ?? .kind,
            today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        return .html(EvaluationViews.needs(report, frame: req.frame("Bedarfe der Kohorte", section: .admin)))
    }

    func change(req: Request) async throws -> Response {
        let edition = try await edition(req)
        let dimension = req.query[String.self, at: "kontext"].flatMap(ContextDimension.init(rawValue:))
        let report = try await ChangeReport.query(
            editionID: try edition.requireID(), editionTitle: edition.title, dimension: dimension,
            rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        return .html(EvaluationViews.change(report, frame: req.frame("Veränderung vorher – nachher", section: .admin)))
    }

    func aggregatesExport(req: Request) async throws -> Response {
        let edition = try await edition(req)
        let editionID = try edition.requireID()
        async let needs = NeedsReport.query(
            editionID: editionID, editionTitle: edition.title, phaseID: nil, dimension: .kind,
            today: BerlinTime.day(of: req.now), rule: req.disclosureRule, cache: req.cohesion.reports, on: req.sql)
        async let change = ChangeReport.query(
            editionID: editionID, editionTitle: edition.title, rule: req.disclosureRule,
            cache: req.cohesion.reports, on: req.sql)
        return EvaluationExports.csvResponse(
            EvaluationExports.aggregates(needs: try await needs, change: try await change),
            fileName: "auswertung.csv")
    }

    func researchExport(req: Request) async throws -> Response {
        let edition = try await edition(req)
        let secrets = req.cohesion.secrets
        let key = try await Setting.value("research_pseudonym_key", orCreate: { secrets.make() }, on: req.db)
        return EvaluationExports.csvResponse(
            try await EvaluationExports.research(
                editionID: try edition.requireID(), key: key,
                rule: req.disclosureRule, on: req.sql),
            fileName: "forschungsdaten.csv")
    }

    private func edition(_ req: Request) async throws -> Edition {
        guard let edition = try await Edition.find(try req.parameters.require(.edition), on: req.db) else { throw AppError.notFound }
        return edition
    }
}
