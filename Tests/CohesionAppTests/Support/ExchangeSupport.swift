import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Signing in as any demo person, and the registrations and feeds the exchange tests start from.
extension Browser {
    /// Signs in as the account with this address after giving it a known password.
    static func signedIn(_ app: Application, as email: String) async throws -> Browser {
        let user = try #require(try await User.query(on: app.db).filter(\.$email == email).first())
        user.passwordHash = try app.password.hash("ein-test-passwort-123")
        try await user.save(on: app.db)
        var browser = Browser(app)
        try await browser.login(email: email, password: "ein-test-passwort-123")
        return browser
    }
}

enum ExchangeSupport {
    static func userID(_ email: String, on db: any Database) async throws -> UUID {
        try #require(try await User.query(on: db).filter(\.$email == email).first()).requireID()
    }

    static func register(_ userID: UUID, for partID: UUID, on db: any Database) async throws {
        _ = try await Registrations.register(
            userID: userID, partID: partID,
            answers: VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: true), on: db)
    }

    /// The person's private calendar as a calendar program fetches it.
    static func feed(of userID: UUID, app: Application) async throws -> String {
        let feed = CalendarFeed(userID: userID, token: UUID().uuidString.lowercased())
        if let existing = try await CalendarFeed.query(on: app.db).filter(\.$user.$id == userID).first() {
            return try await app.testing().sendRequest(.GET, SiteURL.personalCalendar(.value(existing.token + ".ics")).path).body.string
                .replacingOccurrences(of: "\r\n ", with: "")
        }
        try await feed.create(on: app.db)
        return try await app.testing().sendRequest(.GET, SiteURL.personalCalendar(.value(feed.token + ".ics")).path).body.string
            .replacingOccurrences(of: "\r\n ", with: "")
    }

    static func mails(to email: String, on db: any Database) async throws -> [OutboxMessage] {
        try await OutboxMessage.query(on: db).filter(\.$recipient == email).sort(\.$createdAt).all()
    }
}
