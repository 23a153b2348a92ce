import CohesionPlatform
import Foundation

/// The addresses of Invitations.
extension SiteURL {
    static func invitation(_ token: Param<String>) -> SiteURL { SiteURL(["einladung", token.component("token")]) }
}

/// The lead's pages of Invitations.
extension AdminURL {
    static func invitations(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "einladungen"]) }
    static func invitationUpload(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "einladungen", "liste"]) }
    static func resendInvitation(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "einladungen", id.component("id"), "erneut"]) }
}
