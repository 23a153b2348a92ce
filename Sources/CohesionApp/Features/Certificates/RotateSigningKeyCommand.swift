import CohesionPlatform
import Vapor

/// `cohesion rotate-signing-key`: a new key signs Open Badges from now on; the old ones stay in the
/// JWK Set, so badges already handed out keep verifying.
struct RotateSigningKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Erzeugt einen neuen Schlüssel für Open Badges; ältere bleiben zum Prüfen veröffentlicht." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let key = try await BadgeKeys.rotate(on: app.db, now: app.cohesion.clock.now())
        let published = try await SigningKey.query(on: app.db).count()
        context.console.print(
            "Neuer Signaturschlüssel \(key.kid). Veröffentlicht sind \(published) Schlüssel: \(app.cohesion.config.absoluteURL(SiteURL.jwks.path))")
    }
}
