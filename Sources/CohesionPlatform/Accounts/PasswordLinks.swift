import Fluent
import Vapor

/// One-time links to set a password: the link carries a random secret, the database its hash.
package enum PasswordLinks {
    package static func lifetime(_ purpose: PasswordToken.Purpose) -> TimeInterval {
        switch purpose {
        case .welcome: 14 * 24 * 60 * 60
        case .reset: 60 * 60
        }
    }

    /// Creates a link for `userID` and returns its path; earlier unused links of the user stop working.
    package static func issue(for userID: UUID, purpose: PasswordToken.Purpose, services: CohesionServices, on db: Database) async throws -> String {
        let now = services.clock.now()
        try await PasswordToken.query(on: db).filter(\.$user.$id == userID).filter(\.$usedAt == nil)
            .set(\.$usedAt, to: now).update()
        let secret = services.secrets.make()
        try await PasswordToken(
            userID: userID, tokenHash: secretHash(secret), purpose: purpose,
            expiresAt: now.addingTimeInterval(lifetime(purpose))
        ).create(on: db)
        return SiteURL.setPassword(.value(secret)).path
    }

    /// The token behind a link if it can still be used.
    package static func valid(secret: String, now: Date, on db: Database) async throws -> PasswordToken? {
        try await PasswordToken.query(on: db).with(\.$user)
            .filter(\.$tokenHash == secretHash(secret)).filter(\.$usedAt == nil)
            .filter(\.$expiresAt > now).first()
    }
}
