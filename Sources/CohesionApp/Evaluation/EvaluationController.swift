import Fluent
import Vapor
import CohesionCore

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
            today: BerlinTime.day(of: req.now), rule: rule(req), on: req.sql)
        return .html(EvaluationViews.needs(report, frame: req.frame("Bedarfe der Kohorte", section: .admin)))
    }

    func change(req: Request) async throws -> Response {
        let edition = try await edition(req)
        let report = try await ChangeReport.query(editionID: try edition.requireID(), editionTitle: edition.title, rule: rule(req), on: req.sql)
        return .html(EvaluationViews.change(report, frame: req.frame("Veränderung vorher – nachher", section: .admin)))
    }

    private func edition(_ req: Request) async throws -> Edition {
        guard let edition = try await Edition.find(try req.uuid("id"), on: req.db) else { throw Abort(.notFound) }
        return edition
    }

    private func rule(_ req: Request) -> DisclosureRule {
        DisclosureRule(minimumGroupSize: req.cohesion.config.disclosureMinimum)
    }
}
