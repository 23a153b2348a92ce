import CohesionCore
import CohesionPlatform
import Vapor

/// The optional second factor (TOTP) for lead and admin accounts.
enum SecondFactorFeature: Feature {
    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .account = page, SecondFactorController.roles.contains(user.role) else { return [] }
        return [PageLink(order: 20, label: "Zweiter Faktor: Anmeldung zusätzlich mit einer Authenticator-App sichern", path: SiteURL.secondFactor.path)]
    }

    /// With an authenticator app the password opens only the second step.
    static func signInStep(userID: UUID, next: String?, req: Request) async throws -> Response? {
        guard try await SecondFactor.enabled(for: userID, on: req.db) != nil else { return nil }
        return try await SecondFactorController.challenge(userID: userID, next: next, req: req)
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let factor = SecondFactorController()
        let signingIn = AccessRule.everyone("wer gerade das richtige Passwort eingegeben hat (sonst zurück zur Anmeldung)")
        routes.get(SiteURL.loginCode, signingIn, use: factor.showCode)
        routes.post(SiteURL.loginCode, signingIn, use: factor.verifyCode)
        let own = AccessRule.roles(SecondFactorController.roles, "Programmleitung und Administration, nur das eigene Konto")
        routes.get(SiteURL.secondFactor, own, use: factor.page)
        routes.post(SiteURL.secondFactor, own, use: factor.start)
        routes.post(SiteURL.confirmSecondFactor, own, use: factor.confirm)
        routes.post(SiteURL.disableSecondFactor, own, use: factor.disable)
        routes.post(AdminURL.resetSecondFactor(.key), AccessRule.roles([.admin], "Administration"), use: factor.reset)
    }

    /// A pending challenge lives for minutes and belongs to the running server.
    static let dumpTreatment: [DumpTreatment] = [.notExported(SecondFactorChallenge.schema)]

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "second_factors", data: "Schlüssel der Authenticator-App (zweiter Faktor) und der zuletzt benutzte Zeitschritt",
            purpose: "Schutz der Konten von Programmleitung und Administration", kept: "bis zum Abschalten oder zur Löschung des Kontos",
            links: [.owner]),
        PersonalData(
            table: "second_factor_challenges", data: "eine Anmeldung, die auf den Code wartet",
            purpose: "Anmeldung in zwei Schritten", kept: "fünf Minuten oder bis zur Anmeldung",
            links: [.owner]),
    ]
}
