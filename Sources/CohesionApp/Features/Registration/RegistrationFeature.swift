import CohesionCore
import CohesionPlatform
import Vapor

/// Registration for parts, with capacity and waitlist; the lead's view of a part's seats.
enum RegistrationFeature: Feature {
    static let reportTables = ["registrations"]
    static let personalPageTables: [PersonalPageTable] = [.own("registrations")]
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .part(let id) = page else { return [] }
        return [PageLink(order: 20, label: "Anmeldungen", path: AdminURL.registrations(.value(id)).path)]
    }

    static let auditAreas = [AuditAction.registration]

    static let notices = [Notice.cancelled]

    /// Also the API's rule for a participant's own registration.
    static let members = AccessRule.roles([.participant], "Teilnehmer*innen des Durchlaufs, zu dem der Teil gehört") { req, user in
        try await Involvement.isMember(user.id, ofEditionOfPart: req.parameters.require(.part).rawValue, on: req.sql)
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let registrations = RegistrationController()
        routes.get(SiteURL.registration(.key), members, use: registrations.show)
        routes.post(SiteURL.registration(.key), members, use: registrations.register)
        routes.post(SiteURL.cancellation(.key), members, use: registrations.cancel)
        let overview = RegistrationAdminController()
        routes.get(AdminURL.registrations(.key), .leadArea, use: overview.overview)
        routes.post(AdminURL.registrations(.key), .leadArea, use: overview.registerOnBehalf)
        routes.post(AdminURL.cancelRegistration(.key), .leadArea, use: overview.cancel)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "registrations", data: "Anmeldung je Teil mit Übernachtung, Verpflegung, Barrierefreiheit und Einwilligung zu Fotos",
            purpose: "Organisation der Präsenzteile", kept: PersonalData.untilErased,
            links: [.account("user_id", .keep(clearing: ["diet_note", "accessibility", "late_change_reason"]))])
    ]
}

extension Notice {
    static let cancelled = Notice("teilnahme-abgesagt", "Ihre Absage ist gespeichert.")
}

extension AuditAction {
    static let registration = AuditAction("registration", "Anmeldungen")
}
