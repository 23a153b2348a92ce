import CohesionCore
import CohesionPlatform
import Vapor

/// The official municipal register with its statistics.
enum MunicipalitiesFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.shared("regions")]
    static let reportTables = ["regions", "region_figures", "data_sheet_templates"]

    /// The profile's charts keep their text readable on a phone by scrolling sideways in their box.
    static let stylesheet = """
        .chart--profile { min-width: 40rem; }
        .chart--map { min-width: 24rem; max-width: 48rem; }
        form.inline { display: inline; }
        """

    static let personalData = [
        PersonalData(
            table: ComparisonChoice.schema, data: "eigene Auswahl der Vergleichskommunen (hinzugefügt oder entfernt)",
            purpose: "das Profil der eigenen Kommune mit den Kommunen, mit denen man sich vergleichen möchte", kept: PersonalData.untilErased,
            links: [.owner])
    ]

    static let commands = [
        FeatureCommand("import-municipalities", ImportMunicipalitiesCommand()),
        FeatureCommand("import-statistics", ImportStatisticsCommand()),
    ]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let pages = RegionController()
        let open = AccessRule.everyone("öffentlich: amtliche Daten")
        routes.get(SiteURL.regions, open, use: pages.regions)
        routes.get(SiteURL.region(.key), open, use: pages.region)
        routes.get(SiteURL.regionProfile(.key), open, use: pages.profile)
        let ownMunicipality = AccessRule.roles([.participant], "Teilnehmer*innen, nur für die eigene Kommune") { req, user in
            try await RegionController.ownRegion(of: user, on: req.sql) == req.parameters.get("key")
        }
        routes.post(SiteURL.regionComparisonChoice(.key), ownMunicipality, use: pages.choose)
        let cohortReaders = AccessRule.leadOr(
            [.facilitator, .partner], "Programmleitung; Referent*innen, die im Durchlauf lehren; Partner des Programms (zusammengefasst)"
        ) { req, user in
            let edition = try req.parameters.require(.edition).rawValue
            return user.role == .partner
                ? try await Involvement.isPartner(user.id, ofEdition: edition, on: req.sql)
                : try await Involvement.teaches(user.id, inEdition: edition, on: req.sql)
        }
        routes.get(SiteURL.cohortMap(.key), cohortReaders, use: pages.cohortMap)
        EditableTemplateController<DataSheetTemplateRecord>().register(on: routes)
        // A PDF costs a LibreOffice start (about two seconds): for signed-in people only.
        routes.get(SiteURL.regionDataSheet(.key), AccessRule.roles(Set(Role.allCases), "alle Angemeldeten"), use: pages.dataSheet)
    }

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .edition(let id): return [PageLink(order: 45, label: "Herkunft der Kohorte", path: SiteURL.cohortMap(.value(id)).path)]
        case .administration where user.role.canEditStructure:
            return [PageLink(order: 70, label: "Vorlage des Datenblatts", path: AdminURL.dataSheetTemplate.path)]
        default: return []
        }
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        NavigationEntry(label: "Kommunen", path: SiteURL.regions.path, section: .regions)
    }
}
