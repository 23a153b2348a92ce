import CohesionPlatform
import Foundation

/// The addresses of Evaluation.
extension SiteURL {
    static func needs(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "bedarfe"]) }
    static func needDecisions(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "bedarfe", "entscheidungen"]) }
    static func aggregatesExport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "auswertung.csv"]) }
    static func researchExport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "forschungsdaten.csv"]) }
    static func change(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "veraenderung"]) }
}
