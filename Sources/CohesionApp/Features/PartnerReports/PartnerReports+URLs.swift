import CohesionPlatform
import Foundation

/// The addresses of the partner reports.
extension SiteURL {
    static var reports: SiteURL { SiteURL(["berichte"]) }
    static func partnerReport(_ id: Param<UUID>) -> SiteURL { SiteURL(["berichte", "durchlaeufe", id.component(.edition)]) }
    static func impactReportPDF(_ id: Param<UUID>) -> SiteURL { SiteURL(["berichte", "durchlaeufe", id.component(.edition), "wirkungsbericht.pdf"]) }
    static func programmeReport(_ id: Param<UUID>) -> SiteURL { SiteURL(["berichte", "programme", id.component(.programme)]) }
}

/// The lead's pages for assigning partners to a programme.
extension AdminURL {
    static var impactReportTemplate: AdminURL { AdminURL(["verwaltung", "wirkungsbericht"]) }
    static var impactReportTemplateFile: AdminURL { AdminURL(["verwaltung", "wirkungsbericht", "vorlage"]) }
    static var defaultImpactReportTemplate: AdminURL { AdminURL(["verwaltung", "wirkungsbericht", "standard"]) }

    static func programmePartners(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", AdminResourceKind.programme.segment, id.component(.programme), "partner"])
    }

    static func removeProgrammePartner(_ id: Param<UUID>, _ user: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", AdminResourceKind.programme.segment, id.component(.programme), "partner", user.component(.person), "entfernen"])
    }
}
