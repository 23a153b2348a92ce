import CohesionCore
import CohesionPlatform
import Vapor

/// Impressum, privacy statement, accessibility statement with a feedback form, and a page in
/// plain language; edited by the admin, linked from every page's footer.
enum LegalFeature: Feature {
    /// Every page links the legal pages, as the law asks.
    static let footerLinks = LegalPageKind.allCases.enumerated().map { index, kind in
        PageLink(order: index, label: kind.title, path: SiteURL.legal(kind).path)
    }

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        guard case .administration = page, user.role == .admin else { return [] }
        return [
            PageLink(order: 50, label: "Impressum bearbeiten", path: AdminURL.legalPage(.value(LegalPageKind.impressum.rawValue)).path),
            PageLink(order: 51, label: "Datenschutzerklärung bearbeiten", path: AdminURL.legalPage(.value(LegalPageKind.privacy.rawValue)).path),
        ]
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let legal = LegalController()
        let everyone = AccessRule.everyone("alle: Pflichtangaben einer öffentlichen Stelle")
        for kind in LegalPageKind.allCases {
            routes.get(SiteURL.legal(kind), everyone) { req in try await legal.show(kind, req: req) }
        }
        routes.post(SiteURL.legal(.accessibility), AccessRule.everyone("alle: Rückmeldung zu Barrieren"), use: legal.feedback)
        let admin = AccessRule.roles([.admin], "Administration")
        routes.get(AdminURL.legalPage(.key), admin, use: legal.edit)
        routes.post(AdminURL.legalPage(.key), admin, use: legal.save)
    }
}
