import CohesionPlatform
import Foundation

/// The addresses of Evaluation.
extension SiteURL {
    static func needs(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "bedarfe"]) }
    static func aggregatesExport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "auswertung.csv"]) }
    static func researchExport(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "forschungsdaten.csv"]) }
    static func change(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "veraenderung"]) }
}
