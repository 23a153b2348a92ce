import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// Practice projects: set at the end of a part, reported at the next; the lead sees the cohort's state.
enum PracticeProjectsFeature: Feature {
    static let reportTables = ["practice_projects"]
    static let personalPageTables: [PersonalPageTable] = [.own("practice_projects")]
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [PageLink(order: 60, label: "Praxisprojekte", path: AdminURL.cohortProjects(.value(id)).path)]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let practice = PracticeController()
        let own = AccessRule.roles([.participant], "Teilnehmer*innen, nur die eigenen Projekte")
        let ownProject = AccessRule.ownObject([.participant], "Teilnehmer*innen, nur das eigene Projekt", table: PracticeProject.schema) {
            try $0.parameters.require(.project).rawValue
        }
        routes.get(SiteURL.projects, own, use: practice.list)
        routes.post(SiteURL.projects, own, use: practice.create)
        routes.get(SiteURL.project(.key), ownProject, use: practice.showReport)
        routes.post(SiteURL.project(.key), ownProject, use: practice.saveReport)
        routes.get(AdminURL.cohortProjects(.key), .leadArea, use: practice.cohort)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "practice_projects", data: "Praxisprojekt: Ziel, erste Schritte, Termin, Ergebnis, was half und was hinderte",
            purpose: "Begleitung des Transfers in die Praxis", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}
