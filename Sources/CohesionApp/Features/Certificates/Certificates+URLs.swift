import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Certificates: the participant's PDF and the public verification page.
extension SiteURL {
    static func certificatePDF(_ id: Param<UUID>) -> SiteURL { SiteURL(["bescheinigungen", id.component(.certificate)]) }
    static func verification(_ code: Param<String>) -> SiteURL { SiteURL(["nachweis", code.component("code")]) }
    /// The certificate as an Open Badge (VC-JWT), for its owner's wallet.
    static func badge(_ id: Param<UUID>) -> SiteURL { SiteURL(["bescheinigungen", id.component(.certificate), "open-badge"]) }
    /// The issuer profile of a programme's badges (Open Badges 3.0 `Profile`).
    static func badgeIssuer(_ id: Param<UUID>) -> SiteURL { SiteURL(["openbadges", "aussteller", id.component(.programme)]) }
    /// The public keys of every badge signing key, retired ones included.
    static var jwks: SiteURL { SiteURL([".well-known", "jwks.json"]) }
}

/// The lead's actions on certificates.
extension AdminURL {
    static func issueCertificates(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "abschluss", "bescheinigungen"])
    }
    static func revokeCertificate(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "bescheinigungen", id.component(.certificate), "widerrufen"]) }
    /// GET downloads the template in use, POST uploads the programme's own.
    static func certificateTemplate(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "abschluss", "vorlage"])
    }
    static func defaultCertificateTemplate(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "abschluss", "vorlage", "standard"])
    }
}

/// A certificate's id, a type of its own; routes name it `:certificate`.
typealias CertificateID = Tagged<Certificate, UUID>

extension RouteParameter<CertificateID> {
    static var certificate: Self { .id("certificate") }
}
