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
        var people: [User] = []
        for index in 1...count {
            let user = User(
                email: "\(prefix)-\(index)@kommune.example", name: String(format: format, index), role: .participant, passwordHash: hash)
            try await user.create(on: app.db)
            if let edition { try await EditionMember(editionID: edition, userID: try user.requireID()).create(on: app.db) }
            people.append(user)
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
