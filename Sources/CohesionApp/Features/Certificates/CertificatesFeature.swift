import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// Teilnahmebescheinigungen as PDF/A from an OpenDocument template, with public verification.
enum CertificatesFeature: Feature {
    static let reportTables = ["certificates"]
    static let personalPageTables: [PersonalPageTable] = [.own("certificates")]
    static let auditAreas = [AuditAction.certificate]

    static let commands = [FeatureCommand("rotate-signing-key", RotateSigningKeyCommand())]

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let certificates = CertificateController()
        let ownOrLead = AccessRule.ownObject(
            [.participant], "Programmleitung; Teilnehmer*innen, nur die eigene Bescheinigung", alsoLead: true, table: Certificate.schema
        ) { try $0.parameters.require(.certificate).rawValue }
        routes.post(AdminURL.issueCertificates(.key), .leadArea, use: certificates.issue)
        routes.post(AdminURL.revokeCertificate(.key), .leadArea, use: certificates.revoke)
        routes.get(AdminURL.certificateTemplate(.key), .leadArea, use: certificates.template)
        routes.post(AdminURL.certificateTemplate(.key), .leadArea, bodyLimit: "10mb", use: certificates.uploadTemplate)
        routes.post(AdminURL.defaultCertificateTemplate(.key), .leadArea, use: certificates.resetTemplate)
        routes.get(SiteURL.certificatePDF(.key), ownOrLead, use: certificates.pdf)
        routes.get(SiteURL.verification(.key), .everyone("alle: der Prüfcode ist das Geheimnis"), use: certificates.verify)
        let badges = BadgeController()
        routes.get(SiteURL.badge(.key), ownOrLead, use: badges.badge)
        routes.get(SiteURL.badgeIssuer(.key), .everyone("alle: Name und Adresse des ausstellenden Programms"), use: badges.issuer)
        routes.get(SiteURL.jwks, .everyone("alle: öffentliche Schlüssel zum Prüfen der Badges"), use: badges.jwks)
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "certificates", data: "Teilnahmebescheinigung: Name, Kommune, besuchte Teile und Einheiten, Prüfcode, Verlauf, Widerruf",
            purpose: "Nachweis der Teilnahme und öffentliche Prüfung der Echtheit", kept: PersonalData.untilErased,
            links: [.owner])
    ]
}

extension AuditAction {
    static let certificate = AuditAction("certificate", "Bescheinigungen")
}
