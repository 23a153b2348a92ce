import CohesionCore
import CohesionPlatform
import SQLKit
import Vapor

/// Each participant's local actor network: editor, map, analysis, snapshots, comparison and peers.
enum NetworksFeature: Feature {
    static let reportTables = ["network_actors", "network_ties", "network_snapshots", "peer_directory"]

    static let stylesheet = """
        /* The network map: 1300 units wide, text at 14–15, so at least 70rem keeps it at 12 px or more. */
        .chart--network { min-width: 70rem; max-width: 75rem; }
        .network-legend { display: flex; flex-wrap: wrap; gap: 0 2rem; }
        .network-legend ul { list-style: none; padding: 0; margin: 0.5rem 0; }
        .swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em; vertical-align: -0.1em; border-radius: 50%; }
        .swatch--administration { background: #123a5e; } .swatch--labourMarket { background: #8a4b00; }
        .swatch--education { background: #1e6b35; } .swatch--civilSociety { background: #6a1b9a; }
        .swatch--migrantAndReligious { background: #b00020; } .swatch--stateAndFederal { background: #00566b; }
        @media print { .chart--network { min-width: 0; max-width: 100%; } .network-editor { display: none; } }
        """

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let network = NetworkController()
        let exchange = NetworkExchangeController()
        let own = AccessRule.roles([.participant], "Teilnehmer*innen, nur das eigene Netzwerk")
        let ownActor = AccessRule.ownObject([.participant], "Teilnehmer*innen, nur eigene Akteur*innen", table: NetworkActor.schema) {
            try $0.parameters.require(.actor).rawValue
        }
        let ownTie = AccessRule.ownObject([.participant], "Teilnehmer*innen, nur eigene Verbindungen", table: NetworkTie.schema) {
            try $0.parameters.require(.tie).rawValue
        }
        routes.get(SiteURL.network, own, use: network.show)
        routes.get(SiteURL.newActor, own, use: network.newActor)
        routes.post(SiteURL.newActor, own, use: network.createActor)
        routes.get(SiteURL.actor(.key), ownActor, use: network.editActor)
        routes.post(SiteURL.actor(.key), ownActor, use: network.updateActor)
        routes.post(SiteURL.deleteActor(.key), ownActor, use: network.deleteActor)
        routes.get(SiteURL.newTie, own, use: network.newTie)
        routes.post(SiteURL.newTie, own, use: network.createTie)
        routes.post(SiteURL.deleteTie(.key), ownTie, use: network.deleteTie)
        routes.get(SiteURL.actorsCSV, own, use: exchange.exportActors)
        routes.get(SiteURL.tiesCSV, own, use: exchange.exportTies)
        routes.post(SiteURL.networkImport, own, bodyLimit: "2mb", use: exchange.importFile)
        routes.get(SiteURL.networkComparison, own, use: network.comparison)
        routes.get(SiteURL.cohortNetworks(.key), .editionTeachers, use: network.cohort)
        let peers = PeerController()
        let listedPeer = AccessRule.roles([.participant], "Teilnehmer*innen im Verzeichnis, an andere im Verzeichnis") { req, user in
            let peerID = try req.parameters.require(.person).rawValue
            guard peerID != user.id else { return false }
            let senderListed = try await PeerDirectory.isListed(user.id, on: req.sql)
            let peerListed = try await PeerDirectory.isListed(peerID, on: req.sql)
            return senderListed && peerListed
        }
        routes.get(SiteURL.peers, own, use: peers.list)
        routes.post(SiteURL.peerDirectory, own, use: peers.setListing)
        routes.get(SiteURL.peerMessage(.key), listedPeer, use: peers.messageForm)
        routes.post(SiteURL.peerMessage(.key), listedPeer, use: peers.sendMessage)
        let snapshots = NetworkSnapshotController()
        routes.get(SiteURL.snapshots, own, use: snapshots.list)
        routes.post(SiteURL.snapshots, own, use: snapshots.take)
        routes.get(AdminURL.participantNetwork(.key), .leadArea, use: network.showForLead)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        return [
            MyProgrammeSection(
                position: .profile,
                content: .section(.class("card"), .ariaLabelledBy("mein-netzwerk")) {
                    HTML.h2(.id("mein-netzwerk")) { "Mein Netzwerk" }
                    HTML.p { "Die Akteur*innen vor Ort und Ihre Verbindungen zu ihnen, als Karte, mit Befunden und im Vergleich." }
                    HTML.p {
                        HTML.a(.href(SiteURL.network.path)) { "Mein Netzwerk öffnen" }
                        " · "
                        HTML.a(.href(SiteURL.peers.path)) { "Kolleg*innen finden" }
                    }
                })
        ]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "network_actors", data: "Akteur*innen des eigenen Netzwerks, mit Kontaktangaben, die die Person einträgt",
            purpose: "Netzwerkkarte, Auswertung und Vergleich (andere sehen nur zusammengefasste Anteile)", kept: PersonalData.untilErased,
            links: [.owner]),
        PersonalData(
            table: "network_ties", data: "Verbindungen im eigenen Netzwerk",
            purpose: "Netzwerkkarte und Auswertung", kept: PersonalData.untilErased,
            links: [.owner]),
        PersonalData(
            table: "network_snapshots", data: "gespeicherte Stände des eigenen Netzwerks",
            purpose: "Veränderung über den Durchlauf zeigen", kept: PersonalData.untilErased,
            links: [.owner]),
        PersonalData(
            table: "peer_directory", data: "Eintrag im Verzeichnis „Kolleg*innen finden“ (nur nach eigener Zustimmung)",
            purpose: "Vorschläge zum kollegialen Austausch", kept: "bis zum Austragen oder zur Löschung des Kontos",
            links: [.owner]),
    ]
}
