import CohesionCore
import CohesionPlatform
import Vapor

/// Aggregate, anonymous reports per edition for partners and funders; a partner reads only the
/// programmes they are assigned to.
enum PartnerReportsFeature: Feature {
    /// The report's PDF is kept too, so its template moves the report counter.
    static let reportTables = ["impact_report_templates"]

    static func landingPage(for role: Role) -> String? { role == .partner ? SiteURL.reports.path : nil }

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .programme(let id):
            [
                PageLink(order: 10, label: "Partner des Programms", path: AdminURL.programmePartners(.value(id)).path),
                PageLink(order: 20, label: "Durchläufe im Vergleich", path: SiteURL.programmeReport(.value(id)).path),
            ]
        case .edition(let id): [PageLink(order: 70, label: "Wirkungsbericht", path: SiteURL.partnerReport(.value(id)).path)]
        case .administration where user.role.canEditStructure:
            [PageLink(order: 75, label: "Vorlage des Wirkungsberichts", path: AdminURL.impactReportTemplate.path)]
        default: []
        }
    }

    /// Also the API's rule for the report.
    static let assignedPartner = AccessRule.leadOr([.partner], "Programmleitung; Partner des Programms, zu dem der Durchlauf gehört") { req, user in
        let editionID = try req.parameters.require(.edition)
        guard try await Edition.find(editionID, on: req.db) != nil else { throw AppError.notFound }
        return try await Involvement.isPartner(user.id, ofEdition: editionID.rawValue, on: req.sql)
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let reports = PartnerReportController()
        let readers = AccessRule.roles([.partner, .lead, .admin], "Partner (nur ihre Programme), Programmleitung, Administration")
        routes.get(SiteURL.reports, readers, use: reports.list)
        routes.get(SiteURL.partnerReport(.key), assignedPartner, use: reports.report)
        // A PDF costs a LibreOffice start (about two seconds).
        routes.get(SiteURL.impactReportPDF(.key), assignedPartner, use: reports.pdf)
        EditableTemplateController<ImpactReportTemplateRecord>().register(on: routes)
        let programmePartner = AccessRule.leadOr([.partner], "Programmleitung; Partner des Programms") { req, user in
            let programmeID = try req.parameters.require(.programme)
            guard try await Programme.find(programmeID, on: req.db) != nil else { throw AppError.notFound }
            return try await ProgrammePartner.isPartner(user.id, ofProgramme: programmeID.rawValue, on: req.db)
        }
        routes.get(SiteURL.programmeReport(.key), programmePartner, use: reports.programme)
        let partners = ProgrammePartnerController()
        routes.get(AdminURL.programmePartners(.key), .leadArea, use: partners.page)
        routes.post(AdminURL.programmePartners(.key), .leadArea, use: partners.assign)
        routes.post(AdminURL.removeProgrammePartner(.key, .key), .leadArea, use: partners.remove)
    }

    static func navigation(for user: CurrentUser?) -> NavigationEntry? {
        guard let role = user?.role, role == .partner || role.canEditStructure else { return nil }
        return NavigationEntry(label: "Berichte", path: SiteURL.reports.path, section: .reports)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "programme_partners", data: "welchem Programm ein Partnerkonto zugeordnet ist",
            purpose: "Zugang zu den zusammengefassten Berichten dieses Programms", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}
