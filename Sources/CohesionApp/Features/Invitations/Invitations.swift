import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Inviting people to an edition: an account (participant, without password) and a mailed
/// personal link; accepting sets the password and makes the person a member of the edition.
enum Invitations {
    static let lifetime: TimeInterval = 14 * 24 * 60 * 60

    struct Refused: Error { let message: String }

    /// Invites one person, or sends a fresh link when they were invited before and have not accepted.
    static func invite(
        name: String, email rawEmail: String, ags: String, editionID: UUID,
        services: CohesionServices, on db: any Database
    ) async throws {
        let email = User.normalise(email: rawEmail)
        let regionKey = ags.isEmpty ? nil : ags
        if let regionKey, let sql = db as? any SQLDatabase,
            try await sql.raw("SELECT key FROM regions WHERE key = \(bind: regionKey) AND level = \(bind: RegionLevel.gemeinde)").first() == nil
        {
            throw Refused(message: "den Gemeindeschlüssel \(regionKey) gibt es im Gemeindeverzeichnis nicht")
        }
        try await db.transaction { db in
            let user = try await User.query(on: db).filter(\.$email == email).first() ?? User(email: email, name: name, role: .participant)
            guard user.role == Role.participant else {
                throw Refused(message: "\(email) gehört zu einem Konto mit der Rolle \(user.role.germanName)")
            }
            if user.id == nil { try await user.create(on: db) }
            let userID = try user.requireID()
            let invitation =
                try await Invitation.query(on: db).filter(\.$edition.$id == editionID).filter(\.$user.$id == userID).first()
                ?? Invitation()
            guard invitation.acceptedAt == nil else { throw Refused(message: "\(email) hat die Einladung schon angenommen") }
            invitation.$edition.id = editionID
            invitation.$user.id = userID
            invitation.regionKey = regionKey ?? invitation.regionKey
            try await send(invitation, to: user, services: services, on: db)
        }
    }

    /// A new link (the old one stops working) with a new expiry, by mail through the outbox.
    static func send(_ invitation: Invitation, to user: User, services: CohesionServices, on db: any Database) async throws {
        let secret = services.secrets.make()
        invitation.tokenHash = secretHash(secret)
        invitation.expiresAt = services.clock.now().addingTimeInterval(lifetime)
        invitation.sentCount = (invitation.id == nil ? 0 : invitation.sentCount) + 1
        try await invitation.save(on: db)
        let edition = try await Edition.find(invitation.$edition.id, on: db)
        let link = services.config.absoluteURL(SiteURL.invitation(.value(secret)).path)
        try await Mailer.enqueue(
            to: user.email, subject: "Einladung: \(edition?.title ?? "Fortbildungsprogramm für Integrationsbeauftragte")",
            body: MailTexts.invitation(name: user.name, edition: edition?.title ?? "", link: link), on: db)
    }

    static func valid(secret: String, now: Date, on db: any Database) async throws -> Invitation? {
        try await Invitation.query(on: db).with(\.$user).with(\.$edition)
            .filter(\.$tokenHash == secretHash(secret)).filter(\.$acceptedAt == nil).filter(\.$expiresAt > now).first()
    }

    /// Sets the password, marks the invitation used and adds the person to the edition, all or nothing.
    static func accept(_ invitation: Invitation, passwordHash: String, now: Date, on db: any Database) async throws {
        try await db.transaction { db in
            invitation.acceptedAt = now
            try await invitation.save(on: db)
            invitation.user.passwordHash = passwordHash
            try await invitation.user.save(on: db)
            let member = try await EditionMember.query(on: db).filter(\.$edition.$id == invitation.$edition.id)
                .filter(\.$user.$id == invitation.$user.id).first()
            if member == nil {
                try await EditionMember(editionID: invitation.$edition.id, userID: invitation.$user.id).create(on: db)
            }
        }
    }
}

extension MailTexts {
    static func invitation(name: String, edition: String, link: String) -> String {
        """
        Guten Tag \(name),

        Sie sind eingeladen zum \(edition) des Fortbildungsprogramms für Integrationsbeauftragte.

        Mit diesem persönlichen Link setzen Sie Ihr Passwort und ergänzen Ihr Profil (Ihre Kommune und Ihre Stelle). Er gilt 14 Tage und nur einmal:

        \(link)

        Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
        """
    }
}
