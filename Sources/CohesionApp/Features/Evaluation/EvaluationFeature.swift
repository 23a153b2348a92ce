import CohesionCore
import CohesionPlatform
import Vapor

/// The cohort's needs and the change before and after, and the lead's exports.
enum EvaluationFeature: Feature {
    static let reportTables = ["need_decisions"]
    static let needsAudit = AuditAction("needs", "Bedarfe und Curriculum")
    static let auditAreas = [needsAudit]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [
            PageLink(order: 30, label: "Bedarfe", path: SiteURL.needs(.value(id)).path),
            PageLink(order: 40, label: "Veränderung", path: SiteURL.change(.value(id)).path),
        ]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let evaluation = EvaluationController()
        routes.get(SiteURL.needs(.key), .editionTeachers, use: evaluation.needs)
        routes.get(SiteURL.change(.key), .editionTeachers, use: evaluation.change)
        routes.post(SiteURL.needDecisions(.key), .leadArea, use: NeedDecisionController().decide)
        routes.get(SiteURL.aggregatesExport(.key), .leadArea, use: evaluation.aggregatesExport)
        routes.get(SiteURL.researchExport(.key), .leadArea, use: evaluation.researchExport)
    }
}
