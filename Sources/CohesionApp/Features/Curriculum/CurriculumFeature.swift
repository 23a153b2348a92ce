import CohesionCore
import CohesionPlatform
import Vapor

/// Verwaltung: the lead plans programmes, editions, modules, competence areas, parts and units.
enum CurriculumFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [
        .shared("programmes"), .shared("editions"), .shared("parts"), .shared("units"), .own("edition_members"), .own("unit_facilitators"),
    ]
    static func landingPage(for role: Role) -> String? { [.lead, .admin].contains(role) ? AdminURL.overview.path : nil }

    static let reportTables = ["editions", "competence_areas", "programmes", "parts", "units", "edition_members", "unit_competence_areas"]
    static let publicPageTables = [
        "programmes", "editions", "parts", "units", "modules", "competence_areas",
        "unit_competence_areas", "unit_facilitators",
    ]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let pages = AdminPagesController()
        routes.get(AdminURL.overview, .leadArea, use: pages.overview)
        routes.get(AdminURL.edition(.key), .leadArea, use: pages.edition)
        routes.get(AdminURL.part(.key), .leadArea, use: pages.part)
        AdminResourceController<ProgrammeResource>().register(on: routes)
        AdminResourceController<EditionResource>().register(on: routes)
        AdminResourceController<ModuleResource>().register(on: routes)
        AdminResourceController<CompetenceAreaResource>().register(on: routes)
        AdminResourceController<PartResource>().register(on: routes)
        AdminResourceController<UnitResource>().register(on: routes)
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        guard user?.role.canEditStructure == true else { return nil }
        return NavigationEntry(label: "Verwaltung", path: AdminURL.overview.path, section: .admin)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "unit_facilitators", data: "welche Referent*innen welche Einheit geben",
            purpose: "öffentlicher Zeitplan und Zugriff auf die eigenen Einheiten", kept: PersonalData.untilErased,
            links: [.owner]),
        PersonalData(
            table: "edition_members", data: "wer zu welchem Durchlauf gehört",
            purpose: "Zugang zu Anmeldung, Material und Befragungen des eigenen Durchlaufs", kept: PersonalData.untilErased,
            links: [.counted]),
    ]
}
