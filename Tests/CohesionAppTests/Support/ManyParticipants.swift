import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension Fixture {
    /// `count` participants for the tests of long lists: named by `format` with their number
    /// (`"Zz Person %03d"` sorts them together and after the demo's people), with the addresses
    /// `prefix-N@kommune.example`, members of `edition` where one is given.
    static func participants(
        _ count: Int, named format: String, mail prefix: String, memberOf edition: UUID? = nil, on app: Application
    ) async throws -> [User] {
        let hash = try app.password.hash("lange-liste-2026")
        let people = (1...count).map { index in
            User(email: "\(prefix)-\(index)@kommune.example", name: String(format: format, index), role: .participant, passwordHash: hash)
        }
        // A few hundred rows to a statement: thousands of people are made in a second.
        for batch in stride(from: 0, to: people.count, by: 500) {
            let some = Array(people[batch..<min(batch + 500, people.count)])
            for user in some { user.id = UUID() }
            try await some.create(on: app.db)
            if let edition { try await some.map { EditionMember(editionID: edition, userID: $0.id!) }.create(on: app.db) }
        }
        return people
    }

    /// A registration written directly, for lists longer than the registration form would make quickly.
    static func register(
        _ user: User, for partID: UUID, status: RegistrationStatus = .registered, sequence: Int, overnight: Bool = false,
        diet: String = "none", photoConsent: Bool = false, on app: Application
    ) async throws {
        let registration = Registration()
        registration.$part.id = partID
        registration.$user.id = try user.requireID()
        registration.status = status
        registration.sequence = sequence
        registration.overnight = overnight
        registration.diet = diet
        registration.dietNote = ""
        registration.accessibility = ""
        registration.photoConsent = photoConsent
        try await registration.create(on: app.db)
    }
}
