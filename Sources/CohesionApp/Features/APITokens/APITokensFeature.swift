import CohesionCore
import CohesionPlatform
import Vapor

/// Personal API tokens: made and revoked on the account page, shown once, stored hashed.
enum APITokensFeature: Feature {
    static let auditAreas = [AuditAction.token]

    static let commands = [FeatureCommand("create-api-token", CreateAPITokenCommand())]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let tokens = APITokenController()
        let signedIn = AccessRule.roles(Set(Role.allCases), "alle Angemeldeten, nur das eigene Konto")
        let owner = AccessRule.ownObject(Set(Role.allCases), "alle Angemeldeten, nur die eigenen Tokens", table: APIToken.schema) {
            try $0.parameters.require(.apiToken).rawValue
        }
        routes.get(SiteURL.account, signedIn, use: tokens.page)
        routes.post(SiteURL.apiTokens, signedIn, use: tokens.create)
        routes.post(SiteURL.revokeAPIToken(.key), owner, use: tokens.revoke)
        routes.post(SiteURL.logoutEverywhere, signedIn, use: tokens.logoutEverywhere)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "api_tokens", data: "Name, Umfang, Ablauf und letzte Nutzung persönlicher API-Tokens (das Token nur als Hash)",
            purpose: "Zugriff von Programmen der Person über die JSON-Schnittstelle", kept: "bis zum Widerruf oder zur Löschung des Kontos",
            links: [.owner])
    ]
}

extension AuditAction {
    static let token = AuditAction("token", "API-Tokens")
}
