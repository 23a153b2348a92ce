import Foundation

/// The addresses of Accounts.
extension SiteURL {
    package static var login: SiteURL { SiteURL(["anmelden"]) }
    package static var logout: SiteURL { SiteURL(["abmelden"]) }
    package static var forgotPassword: SiteURL { SiteURL(["passwort-vergessen"]) }
    package static func setPassword(_ token: Param<String>) -> SiteURL { SiteURL(["passwort-setzen", token.component("token")]) }
}
