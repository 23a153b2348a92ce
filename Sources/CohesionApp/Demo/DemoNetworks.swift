import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

/// Believable local networks for the demo's officers: eight to eighteen actors each, mostly tied
/// to the officer, some to each other, a few wished for; a snapshot at the first part with a
/// smaller, looser network and one at the second with the network as it is now. Two in three
/// are in the colleagues' directory.
extension DemoData {
    static let networkActorPool: [(name: String, kind: ActorKind)] = [
        ("Ausländerbehörde", .foreignersAuthority), ("Jobcenter", .jobcenter), ("Caritasverband", .welfareAssociation),
        ("Volkshochschule", .languageCourseProvider), ("Freundeskreis Asyl", .volunteerGroup), ("Migrationsberatung der AWO", .migrationAdvice),
        ("Agentur für Arbeit", .employmentAgency), ("Türkisch-Islamische Gemeinde", .religiousCommunity), ("Sozialamt", .socialOffice),
        ("Grundschule am Markt", .schoolsDayCare), ("TSV 1860", .sportsClub), ("Integrationsrat", .integrationCouncil),
        ("Diakonisches Werk", .welfareAssociation), ("Jugendamt", .youthOffice), ("Syrischer Elternverein", .migrantOrganisation),
        ("IHK-Bezirkskammer", .chamber), ("Kita Sonnenschein", .schoolsDayCare), ("Regierungspräsidium", .stateFederal),
        ("Kulturverein Mosaik", .cultureClub), ("Integrationsmanagement", .integrationManagement),
        ("Handwerksbetrieb Maier", .employer), ("Jugendmigrationsdienst", .migrationAdvice),
    ]

    /// Seeds a network and two snapshots for each participant, at the first two parts.
    static func seedNetworks(participants: [User], parts: [Part], now: Date, on db: Database) async throws {
        guard parts.count >= 2 else { return }
        for (index, person) in participants.enumerated() {
            let userID = try person.requireID()
            let pool = networkActorPool
            let size = 8 + (index * 5) % 11
            var actors: [EgoNetwork.Actor] = []
            for offset in 0..<size {
                let template = pool[(index * 3 + offset) % pool.count]
                let actor = NetworkActor()
                actor.$user.id = userID
                actor.name = template.name
                actor.kind = template.kind
                actor.contact = offset % 3 == 0 ? "Frau Beispiel, Tel. 0000 123456" : ""
                actor.note = ""
                try await actor.create(on: db)
                actors.append(.init(id: try actor.requireID(), name: template.name, kind: template.kind))
            }
            let ties = demoTies(actors, person: index)
            for tie in ties {
                let row = NetworkTie()
                row.$user.id = userID
                row.$from.id = tie.from
                row.$to.id = tie.to
                row.kind = tie.kind
                row.intensity = tie.intensity
                row.status = tie.status
                try await row.create(on: db)
            }
            // At the first part: the first two thirds of the actors, ties one step looser, and the
            // ties that now exist to the last of them still wished for.
            let early = Array(actors.prefix(size * 2 / 3))
            let earlyIDs = Set(early.map(\.id))
            let earlyTies = ties.filter { earlyIDs.contains($0.to) && ($0.from.map(earlyIDs.contains) ?? true) }.enumerated().map { position, tie in
                EgoNetwork.Tie(
                    from: tie.from, to: tie.to, kind: tie.kind, intensity: max(1, tie.intensity - (position % 2)),
                    status: position % 5 == 4 ? .wanted : tie.status)
            }
            try await snapshot(
                EgoNetwork(actors: early, ties: earlyTies), userID: userID, part: parts[0],
                at: BerlinTime.instant(on: parts[0].endsOn, at: "16:00") ?? now, on: db)
            try await snapshot(
                EgoNetwork(actors: actors, ties: ties), userID: userID, part: parts[1],
                at: BerlinTime.instant(on: parts[1].endsOn, at: "16:00") ?? now, on: db)
            // Two in three have joined the colleagues' directory.
            if index % 3 != 2 {
                let entry = PeerDirectoryEntry()
                entry.$user.id = userID
                entry.since = now
                try await entry.create(on: db)
            }
        }
    }

    /// The officer's ties: most actors tied directly with varying strength, every sixth wished
    /// for, every seventh known only through the actor before it; some actors know each other.
    static func demoTies(_ actors: [EgoNetwork.Actor], person: Int) -> [EgoNetwork.Tie] {
        var ties: [EgoNetwork.Tie] = []
        for (position, actor) in actors.enumerated() {
            let kind = TieKind.allCases[(person + position) % TieKind.allCases.count]
            if position % 7 == 6 {
                ties.append(.init(from: actors[position - 1].id, to: actor.id, kind: .cooperation, intensity: 2, status: .exists))
            } else if position % 6 == 5 {
                ties.append(.init(from: nil, to: actor.id, kind: kind, intensity: 2, status: .wanted))
            } else {
                ties.append(.init(from: nil, to: actor.id, kind: kind, intensity: 1 + (person + position) % 3, status: .exists))
            }
            if position > 0, (person + position) % 4 == 0 {
                ties.append(.init(from: actors[position - 1].id, to: actor.id, kind: .information, intensity: 1 + position % 2, status: .exists))
            }
        }
        return ties
    }

    private static func snapshot(_ network: EgoNetwork, userID: UUID, part: Part, at time: Date, on db: Database) async throws {
        try await NetworkStore.save(
            snapshot: network, userID: userID, partID: try part.requireID(), label: "Teil \(part.number): \(part.title)",
            at: time, on: db)
    }
}
