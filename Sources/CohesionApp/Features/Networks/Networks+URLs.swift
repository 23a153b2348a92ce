import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Networks: the participant's own network and the colleagues' directory.
extension SiteURL {
    static var network: SiteURL { SiteURL(["netzwerk"]) }
    static var newActor: SiteURL { SiteURL(["netzwerk", "akteure", "neu"]) }
    static func actor(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "akteure", id.component(.actor)]) }
    static func deleteActor(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "akteure", id.component(.actor), "loeschen"]) }
    static var newTie: SiteURL { SiteURL(["netzwerk", "verbindungen", "neu"]) }
    static func deleteTie(_ id: Param<UUID>) -> SiteURL { SiteURL(["netzwerk", "verbindungen", id.component(.tie), "loeschen"]) }
    static var actorsCSV: SiteURL { SiteURL(["netzwerk", "akteure.csv"]) }
    static var tiesCSV: SiteURL { SiteURL(["netzwerk", "verbindungen.csv"]) }
    static var networkImport: SiteURL { SiteURL(["netzwerk", "import"]) }
    static var snapshots: SiteURL { SiteURL(["netzwerk", "staende"]) }
    static var networkComparison: SiteURL { SiteURL(["netzwerk", "vergleich"]) }
    static var peers: SiteURL { SiteURL(["kolleginnen"]) }
    static var peerDirectory: SiteURL { SiteURL(["kolleginnen", "verzeichnis"]) }
    static func peerMessage(_ id: Param<UUID>) -> SiteURL { SiteURL(["kolleginnen", id.component(.person), "nachricht"]) }
    /// Beside the needs page: the cohort's coverage, aggregates only.
    static func cohortNetworks(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "netzwerke"]) }
}

/// The lead's view of one participant's network.
extension AdminURL {
    static func participantNetwork(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "teilnehmende", id.component(.person), "netzwerk"]) }
}

/// An actor of a network's id, a type of its own; routes name it `:actor`.
typealias NetworkActorID = Tagged<NetworkActor, UUID>

extension RouteParameter<NetworkActorID> {
    static var actor: Self { .id("actor") }
}

/// A tie of a network's id, a type of its own; routes name it `:tie`.
typealias NetworkTieID = Tagged<NetworkTie, UUID>

extension RouteParameter<NetworkTieID> {
    static var tie: Self { .id("tie") }
}
