import CohesionCore
import Vapor

/// Sign-in: login, logout, forgotten password and one-time password links.
package enum AccountsFeature: Feature {
    package static func register(on routes: any RoutesBuilder, app: Application) throws {
        let auth = AuthController()
        let open = AccessRule.everyone("alle; wer sich anmelden will")
        let withLink = AccessRule.everyone("wer den einmaligen Link hat")
        routes.get(SiteURL.login, open, use: auth.showLogin)
        routes.post(SiteURL.login, open, use: auth.login)
        routes.post(SiteURL.logout, open, use: auth.logout)
        routes.get(SiteURL.forgotPassword, open, use: auth.showForgot)
        routes.post(SiteURL.forgotPassword, open, use: auth.forgot)
        routes.get(SiteURL.setPassword(.key), withLink, use: auth.showSetPassword)
        routes.post(SiteURL.setPassword(.key), withLink, use: auth.setPassword)
    }

    /// Sessions and sign-in attempts belong to the running server: after a move everyone signs in again.
    package static let dumpTreatment: [DumpTreatment] = [.notExported(WebSession.schema), .notExported(LoginAttempt.schema)]
}
