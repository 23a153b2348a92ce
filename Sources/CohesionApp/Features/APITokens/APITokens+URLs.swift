import CohesionPlatform
import Foundation
import Tagged

/// The addresses of APITokens: the account page where each person makes and revokes their tokens.
extension SiteURL {
    static var apiTokens: SiteURL { SiteURL(["konto", "api-tokens"]) }
    static var logoutEverywhere: SiteURL { SiteURL(["konto", "ueberall-abmelden"]) }
    static func revokeAPIToken(_ id: Param<UUID>) -> SiteURL { SiteURL(["konto", "api-tokens", id.component(.apiToken), "widerrufen"]) }
}

/// An API token's id, a type of its own; routes name it `:apiToken`.
typealias APITokenID = Tagged<APIToken, UUID>

extension RouteParameter<APITokenID> {
    static var apiToken: Self { .id("apiToken") }
}
