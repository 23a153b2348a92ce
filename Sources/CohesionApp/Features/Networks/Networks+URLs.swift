import CohesionPlatform
import Foundation

/// The addresses of Networks: the participant's own network and the colleagues' directory.
extension SiteURL {
    static var network: SiteURL { SiteURL(["netzwerk"]) }
    static var newActor: SiteURL { SiteURL(["netzwerk", "akteure", "neu"]) }
    static func actor(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "akteure", id.component("actorID")]) }
    static func deleteActor(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "akteure", id.component("actorID"), "loeschen"]) }
    static var newTie: SiteURL { SiteURL(["netzwerk", "verbindungen", "neu"]) }
    static func deleteTie(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "verbindungen", id.component("tieID"), "loeschen"]) }
    static var actorsCSV: SiteURL { SiteURL(["netzwerk", "akteure.csv"]) }
    static var tiesCSV: SiteURL { SiteURL(["netzwerk", "verbindungen.csv"]) }
    static var networkImport: SiteURL { SiteURL(["netzwerk", "import"]) }
    static var snapshots: SiteURL { SiteURL(["netzwerk", "staende"]) }
    static var networkComparison: SiteURL { SiteURL(["netzwerk", "vergleich"]) }
    static var peers: SiteURL { SiteURL(["kolleginnen"]) }
    static var peerDirectory: SiteURL { SiteURL(["kolleginnen", "verzeichnis"]) }
    static func peerMessage(_ id: Param<UUID>) -> SiteURL { SiteURL(["kolleginnen", id.component("peerID"), "nachricht"]) }
    /// Beside the needs page: the cohort's coverage, aggregates only.
    static func cohortNetworks(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component("id"), "netzwerke"]) }
}

/// The lead's view of one participant's network.
extension AdminURL {
    static func participantNetwork(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teilnehmende", id.component("id"), "netzwerk"]) }
}
