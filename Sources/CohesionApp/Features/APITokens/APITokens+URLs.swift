import CohesionPlatform
import Foundation

/// The addresses of APITokens: the account page where each person makes and revokes their tokens.
extension SiteURL {
    static var apiTokens: SiteURL { SiteURL(["konto", "api-tokens"]) }
    static var logoutEverywhere: SiteURL { SiteURL(["konto", "ueberall-abmelden"]) }
    static func revokeAPIToken(_ id: Param<UUID>) -> SiteURL { SiteURL(["konto", "api-tokens", id.component("tokenID"), "widerrufen"]) }
}
