import Foundation

/// The addresses of Accounts.
extension SiteURL {
    static var login: SiteURL { SiteURL(["anmelden"]) }
    static var logout: SiteURL { SiteURL(["abmelden"]) }
    static var forgotPassword: SiteURL { SiteURL(["passwort-vergessen"]) }
    static func setPassword(_ token: Param<String>) -> SiteURL { SiteURL(["passwort-setzen", token.component("token")]) }
}
