import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension NetworksFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.network, { _ in SiteURL.network.path }, participant),
        get(SiteURL.newActor, { _ in SiteURL.newActor.path }, participant),
        post(SiteURL.newActor, { _ in SiteURL.newActor.path }, participant),
        get(
            SiteURL.actor(.key), { SiteURL.actor(.value($0.ownActorID)).path }, participant,
            foreign: { SiteURL.actor(.value($0.otherActorID)).path }, foreignAllowed: []),
        post(
            SiteURL.actor(.key), { SiteURL.actor(.value($0.ownActorID)).path }, participant,
            foreign: { SiteURL.actor(.value($0.otherActorID)).path }, foreignAllowed: []),
        get(SiteURL.newTie, { _ in SiteURL.newTie.path }, participant),
        post(SiteURL.newTie, { _ in SiteURL.newTie.path }, participant),
        get(SiteURL.actorsCSV, { _ in SiteURL.actorsCSV.path }, participant),
        get(SiteURL.tiesCSV, { _ in SiteURL.tiesCSV.path }, participant),
        post(SiteURL.networkImport, { _ in SiteURL.networkImport.path }, participant, .redirectElsewhere),
        get(SiteURL.snapshots, { _ in SiteURL.snapshots.path }, participant),
        get(SiteURL.networkComparison, { _ in SiteURL.networkComparison.path }, participant),
        get(SiteURL.peers, { _ in SiteURL.peers.path }, participant),
        get(
            SiteURL.peerMessage(.key), { SiteURL.peerMessage(.value($0.listedPeerID)).path }, participant,
            foreign: { SiteURL.peerMessage(.value($0.unlistedPeerID)).path }, foreignAllowed: []),
        post(
            SiteURL.peerMessage(.key), { SiteURL.peerMessage(.value($0.listedPeerID)).path }, participant,
            foreign: { SiteURL.peerMessage(.value($0.unlistedPeerID)).path }, foreignAllowed: []),
        post(SiteURL.snapshots, { _ in SiteURL.snapshots.path }, participant),
        get(
            SiteURL.cohortNetworks(.key), { SiteURL.cohortNetworks(.value($0.fixture.editionID)).path }, teachers,
            foreign: { SiteURL.cohortNetworks(.value($0.otherEditionID)).path }),
        get(AdminURL.participantNetwork(.key), { AdminURL.participantNetwork(.value($0.fixture.participantID)).path }, lead),
        // Leaving the directory (a form without "aufnehmen"), after the rows that need the participant in it.
        post(SiteURL.peerDirectory, { _ in SiteURL.peerDirectory.path }, participant, .redirectElsewhere).running(.changes(1)),
        // Deleting a tie, then an actor, after every row that reads them.
        post(
            SiteURL.deleteTie(.key), { SiteURL.deleteTie(.value($0.ownTieID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.deleteTie(.value($0.otherTieID)).path }, foreignAllowed: []
        ).running(.deletes(0)),
        post(
            SiteURL.deleteActor(.key), { SiteURL.deleteActor(.value($0.ownActorID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.deleteActor(.value($0.otherActorID)).path }, foreignAllowed: []
        ).running(.deletes(1)),
    ]
}
