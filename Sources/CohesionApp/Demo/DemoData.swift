import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The reference programme of DESIGN.md with fictional people, so every page has something real to show.
enum DemoData {
    struct Account: Sendable {
        let email: String
        let password: String
        let role: Role
    }

    struct Result: Sendable {
        /// Empty when the demo was already loaded.
        let accounts: [Account]
    }

    static let programmeTitle = "Fortbildungsprogramm für Integrationsbeauftragte"

    /// Every account with a demo address gets a new password; the old ones stop working.
    static func resetPasswords(on db: Database, hasher: PasswordHasher, secrets: SecretGenerator = .live) async throws -> Result {
        try await db.transaction { db in
            var accounts: [Account] = []
            let users = try await User.query(on: db).filter(\.$email ~~ "@demo.cohesion.example").sort(\.$role).sort(\.$email).all()
            for user in users {
                let password = String(secrets.make().prefix(16))
                user.passwordHash = try hasher.hash(password)
                try await user.save(on: db)
                accounts.append(Account(email: user.email, password: password, role: user.role))
            }
            // As with any new password, sessions signed in with the old one end.
            try await WebSession.query(on: db).filter(\.$user.$id ~~ users.compactMap(\.id)).delete()
            return Result(accounts: accounts)
        }
    }

    static func seed(on db: Database, hasher: PasswordHasher, secrets: SecretGenerator = .live) async throws -> Result {
        try await db.transaction { db in
            if try await Programme.query(on: db).filter(\.$title == programmeTitle).first() != nil {
                return Result(accounts: [])
            }
            var accounts: [Account] = []
            func account(_ email: String, _ name: String, _ role: Role) throws -> User {
                let password = String(secrets.make().prefix(16))
                accounts.append(Account(email: email, password: password, role: role))
                return User(email: email, name: name, role: role, passwordHash: try hasher.hash(password))
            }
            let lead = try account("leitung@demo.cohesion.example", "Dr. Miriam Albrecht", .lead)
            let facilitator = try account("referentin@demo.cohesion.example", "Leyla Demir", .facilitator)
            let singen = try account("stabsstelle@demo.cohesion.example", "Johanna Reuter", .facilitator)
            let admin = try account("admin@demo.cohesion.example", "Thomas Keller", .admin)
            let partner = try account("partner@demo.cohesion.example", "Referat Integration (Ministerium)", .partner)
            let participants = try demoParticipants.map { try account($0.email, $0.name, .participant) }
            for user in [lead, facilitator, singen, admin, partner] + participants { try await user.create(on: db) }

            let programme = Programme(title: programmeTitle, summary: programmeSummary)
            try await programme.create(on: db)
            let programmeID = try programme.requireID()
            try await ProgrammePartner(programmeID: programmeID, userID: try partner.requireID()).create(on: db)
            let edition = Edition(programmeID: programmeID, title: "Prototyp-Durchlauf 2022/23", summary: editionSummary)
            try await edition.create(on: db)
            let editionID = try edition.requireID()
            for participant in participants {
                try await EditionMember(editionID: editionID, userID: try participant.requireID()).create(on: db)
            }
            var modules: [String: UUID] = [:]
            for (index, (code, title)) in moduleTitles.enumerated() {
                let module = CurriculumModule(programmeID: programmeID, code: code, title: title, position: index + 1)
                try await module.create(on: db)
                modules[code] = try module.requireID()
            }
            var areas: [UUID] = []
            for (index, title) in competenceAreaTitles.enumerated() {
                let area = CompetenceArea(programmeID: programmeID, title: title, position: index + 1)
                try await area.create(on: db)
                areas.append(try area.requireID())
            }
            let people = ["facilitator": try facilitator.requireID(), "singen": try singen.requireID()]
            for plan in partPlans {
                try await plan.create(editionID: editionID, modules: modules, areas: areas, people: people, on: db)
            }
            return Result(accounts: accounts)
        }
    }
}
