import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// Self-assessment in phases the lead opens, with the participant's course and recommendations.
enum SelfAssessmentFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.shared("assessment_phases"), .own("self_assessments")]
    static let reportTables = ["self_assessments", "assessment_phases"]

    static let stylesheet = """
        .assessment__area { border: 1px solid var(--line); border-radius: 4px; padding: 0.75rem 1rem; margin: 0 0 1rem; }
        .assessment__area > legend { font-weight: 700; padding: 0 0.25rem; }
        .scale { margin: 0.25rem 0 0.75rem; }
        .scale legend { font-weight: 600; }
        .scale__choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
        .recommendations li { margin-bottom: 0.75rem; }
        """

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [PageLink(order: 20, label: "Selbsteinschätzung", path: AdminURL.phases(.value(id)).path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let assessments = AssessmentController()
        let own = AccessRule.roles([.participant], "Teilnehmer*innen, nur die eigene Einschätzung")
        let phaseOfOwnEdition = AccessRule.roles([.participant], "Teilnehmer*innen des Durchlaufs der Phase") { req, user in
            guard let editionID = try await edition(ofPhase: req.parameters.require(.phase).rawValue, on: req.sql) else { throw AppError.notFound }
            return try await Involvement.isMember(user.id, ofEdition: editionID, on: req.sql)
        }
        routes.get(SiteURL.assessments, own, use: assessments.overview)
        routes.get(SiteURL.assessment(.key), phaseOfOwnEdition, use: assessments.form)
        routes.post(SiteURL.assessment(.key), phaseOfOwnEdition, use: assessments.save)
        routes.get(AdminURL.phases(.key), .leadArea, use: assessments.admin)
        routes.post(AdminURL.phases(.key), .leadArea, use: assessments.addPhase)
        routes.post(AdminURL.togglePhase(.key), .leadArea, use: assessments.toggle)
    }

    private struct PhaseEdition: Decodable { let editionID: UUID }

    private static func edition(ofPhase phaseID: UUID, on db: any SQLDatabase) async throws -> UUID? {
        try await db.raw("SELECT edition_id FROM assessment_phases WHERE id = \(bind: phaseID)").first(decoding: PhaseEdition.self, with: .snakeCaseColumns)?
            .editionID
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "self_assessments", data: "eigene Einschätzung von Kenntnisstand und Bedarf je Kompetenzfeld",
            purpose: "Empfehlungen für die Person; Planung und Auswertung nur zusammengefasst ab der Mindestgruppe", kept: PersonalData.untilErased,
            links: [.account("user_id", .keep(clearing: ["note"]))])
    ]
}
