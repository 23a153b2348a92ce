import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Invitations.
extension SiteURL {
    static func invitation(_ token: Param<String>) -> SiteURL { SiteURL(["einladung", token.component("token")]) }
}

/// The lead's pages of Invitations.
extension AdminURL {
    static func invitations(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "einladungen"]) }
    static func invitationUpload(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "einladungen", "liste"]) }
    static func resendInvitation(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "einladungen", id.component(.invitation), "erneut"]) }
}

/// An invitation's id, a type of its own; routes name it `:invitation`.
typealias InvitationID = Tagged<Invitation, UUID>

extension RouteParameter<InvitationID> {
    static var invitation: Self { .id("invitation") }
}
