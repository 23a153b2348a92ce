import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// A synthetic edition of the demo programme with many fictional officers, for measuring the
/// report pages at scale (`bench/certificates`, tests): profiles in real municipalities, a before and after
/// self-assessment, registrations, attendance and answered surveys for every unit and part.
enum LoadData {
    struct MissingDemo: Error, CustomStringConvertible {
        var description: String { "Zuerst `cohesion seed-demo` ausführen: die Lastprobe nutzt das Referenzprogramm." }
    }

    static func title(participants: Int) -> String { "Lastprobe mit \(participants) Teilnehmenden" }

    /// Returns the edition's id and whether it was created now (a second run changes nothing).
    static func seed(
        participants count: Int, hasher: PasswordHasher, secrets: SecretGenerator = .live,
        on db: Database
    ) async throws -> (editionID: UUID, created: Bool) {
        try await db.transaction { db in
            guard let programme = try await Programme.query(on: db).filter(\.$title == DemoData.programmeTitle).first() else {
                throw MissingDemo()
            }
            if let existing = try await Edition.query(on: db).filter(\.$title == title(participants: count)).first() {
                return (try existing.requireID(), false)
            }
            let programmeID = try programme.requireID()
            let edition = Edition(
                programmeID: programmeID, title: title(participants: count),
                summary: "Synthetische Daten für Lastmessungen; die Personen gibt es nicht.")
            try await edition.create(on: db)
            let editionID = try edition.requireID()
            // Nobody signs in as these people: one unknown password serves them all.
            let hash = try hasher.hash(secrets.make())
            var participants: [User] = []
            for index in 1...count {
                let user = User(
                    email: "person-\(index)@last-\(count).cohesion.example", name: "Person \(index) (Lastprobe)",
                    role: .participant, passwordHash: hash)
                try await user.create(on: db)
                try await EditionMember(editionID: editionID, userID: try user.requireID()).create(on: db)
                participants.append(user)
            }
            let (modules, areas, people) = try await DemoData.curriculum(programmeID: programmeID, on: db)
            for plan in DemoData.partPlans {
                try await plan.create(editionID: editionID, modules: modules, areas: areas, people: people, on: db)
            }
            try await DemoData.seedAssessments(
                editionID: editionID, participants: participants, areas: areas,
                municipalities: try await municipalities(on: db), on: db)
            let parts = try await DemoData.seedAttendance(editionID: editionID, participants: participants, on: db)
            try await seedSurveys(parts: parts, participants: participants, on: db)
            return (editionID, true)
        }
    }

    /// Up to 400 imported Gemeinden, so the context splits have many groups; the demo's six otherwise.
    private static func municipalities(on db: Database) async throws -> [String] {
        struct Row: Decodable { let key: String }
        guard let sql = db as? any SQLDatabase else { return DemoData.demoMunicipalities }
        let keys = try await sql.raw(
            """
            SELECT key FROM regions WHERE level = \(bind: RegionLevel.gemeinde) ORDER BY key LIMIT 400
            """
        ).all(decoding: Row.self).map(\.key)
        return keys.isEmpty ? DemoData.demoMunicipalities : keys
    }

    /// A survey about each part and one about each unit, answered by everyone who was present.
    private static func seedSurveys(parts: [Part], participants: [User], on db: Database) async throws {
        let present = Array(participants.dropLast(2))
        let scale = present.indices.map { "\(2 + $0 % 4)" }
        let texts = present.indices.map { DemoData.demoTakeaways[$0 % DemoData.demoTakeaways.count] }
        for part in parts {
            let partID = try part.requireID()
            try await DemoData.seedSurvey(
                partID: partID, unitID: nil, title: "Rückmeldung zu Teil \(part.number)", opensOn: part.endsOn.iso,
                questions: [
                    (.scale, "Wie hilfreich war der Teil für Ihre Arbeit?", "", scale),
                    (.text, "Was nehmen Sie mit in Ihre Kommune?", "", texts),
                ],
                participants: present, on: db)
            for unit in try await Unit.query(on: db).filter(\.$part.$id == partID).all() {
                try await DemoData.seedSurvey(
                    partID: partID, unitID: try unit.requireID(), title: "Rückmeldung: " + unit.title,
                    opensOn: part.endsOn.iso,
                    questions: [(.scale, "Wie zufrieden waren Sie mit der Einheit?", "", scale)],
                    participants: present, on: db)
            }
        }
    }
}
