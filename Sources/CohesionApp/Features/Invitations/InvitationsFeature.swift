import CohesionCore
import CohesionPlatform
import Vapor

/// The lead invites people to an edition; the invited accept through their personal link.
enum InvitationsFeature: Feature {
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .edition(let id) = page else { return [] }
        return [PageLink(order: 10, label: "Einladungen", path: AdminURL.invitations(.value(id)).path)]
    }

    static let notices = [Notice.welcome]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let invitations = InvitationController()
        let withLink = AccessRule.everyone("wer den persönlichen Einladungslink hat")
        routes.get(SiteURL.invitation(.key), withLink, use: invitations.showAccept)
        routes.post(SiteURL.invitation(.key), withLink, use: invitations.accept)
        routes.get(AdminURL.invitations(.key), .leadArea, use: invitations.overview)
        routes.post(AdminURL.invitations(.key), .leadArea, use: invitations.inviteOne)
        routes.post(AdminURL.invitationUpload(.key), .leadArea, use: invitations.upload)
        routes.post(AdminURL.resendInvitation(.key), .leadArea, use: invitations.resend)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "invitations", data: "Name, E-Mail-Adresse und Kommune eingeladener Personen, Stand der Einladung",
            purpose: "Einladung in einen Durchlauf", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}

extension Notice {
    static let welcome = Notice("willkommen", "Willkommen! Ihr Passwort ist gesetzt. Bitte ergänzen Sie jetzt Ihre Kommune und Ihre Stelle.")
}
