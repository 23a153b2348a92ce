import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import JWTKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Certificates as Open Badges 3.0: signed VC-JWTs whose keys are published and survive rotation.
/// An independent implementation (joserfc, with a JSON schema from the specification) checks them in the browser tests.
@Suite("Open Badges")
struct BadgeTests {
    @Test(
        "the owner downloads a signed OpenBadgeCredential that states the certificate; it verifies against the JWK Set, also after a key rotation; none once revoked"
    )
    func signedVerifiedRotatedRevoked() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            try await lead.get(AdminURL.completion(.value(fixture.editionID)).path)
            _ = try await lead.post(AdminURL.issueCertificates(.value(fixture.editionID)).path)
            let certificate = try #require(try await Certificate.query(on: app.db).filter(\.$user.$id == fixture.participantID).first())
            let id = try certificate.requireID()

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.myProgramme.path).text.contains("Open Badge für eine Nachweis-Wallet"))
            let download = try await participant.get(SiteURL.badge(.value(id)).path)
            #expect(download.status == .ok && download.headers.first(name: .contentType) == "application/vc+jwt")
            let token = download.text

            // Verified with the published keys only, as a wallet would.
            var visitor = Browser(app)
            let jwksText = try await visitor.get(SiteURL.jwks.path).text
            let keys = try await JWTKeyCollection().add(jwksJSON: jwksText)
            let credential = try await keys.verify(token, as: OpenBadgeCredential.self)
            let verificationURL = app.cohesion.config.absoluteURL(SiteURL.verification(.value(certificate.code)).path)
            #expect(credential.id == verificationURL && credential.jti == verificationURL)
            #expect(credential.type == ["VerifiableCredential", "OpenBadgeCredential"] && credential.context == OpenBadgeCredential.contexts)
            #expect(credential.credentialSubject.identifier.first?.identityHash == certificate.statement?.name)
            #expect(credential.credentialSubject.achievement.alignment.map(\.targetName) == certificate.statement?.competenceAreas)
            #expect(
                credential.credentialSubject.creditsEarned > 0
                    && credential.credentialSubject.achievement.creditsAvailable >= credential.credentialSubject.creditsEarned)
            #expect(credential.credentialSubject.achievement.criteria.narrative.contains("Mindestens 80 % der Einheiten"))
            #expect(credential.iss == credential.issuer.id && !token.contains("@demo.cohesion.example"))
            let issuer = try await visitor.get(URI(string: credential.issuer.id).path)
            #expect(issuer.status == .ok && issuer.text.contains("\"type\":[\"Profile\"]"))

            // Rotation: the next badge is signed by a new key; the first still verifies.
            try await BadgeKeys.rotate(on: app.db, now: Date())
            let published = try JSONDecoder().decode(JWKS.self, from: Data(try await visitor.get(SiteURL.jwks.path).text.utf8))
            #expect(published.keys.count == 2)
            let rotated = try await JWTKeyCollection().add(jwks: published)
            _ = try await rotated.verify(token, as: OpenBadgeCredential.self)
            let second = try await participant.get(SiteURL.badge(.value(id)).path).text
            _ = try await rotated.verify(second, as: OpenBadgeCredential.self)
            #expect(try Self.kid(of: second) != Self.kid(of: token))

            // A token changed after signing fails.
            var parts = token.split(separator: ".").map(String.init)
            parts[1] = Base64URL.encode(
                Data(
                    String(decoding: try #require(Data(base64URL: parts[1])), as: UTF8.self)
                        .replacingOccurrences(of: certificate.statement?.name ?? "", with: "Jemand Anderes").utf8))
            await #expect(throws: (any Error).self) { try await rotated.verify(parts.joined(separator: "."), as: OpenBadgeCredential.self) }

            // Revoked: no badge any more; the page its id names says so.
            try await lead.get(AdminURL.completion(.value(fixture.editionID)).path)
            _ = try await lead.post(AdminURL.revokeCertificate(.value(id)).path, [("reason", "Doppelt ausgestellt")])
            #expect(try await participant.get(SiteURL.badge(.value(id)).path).status == .gone)
            #expect(
                try await visitor.get(SiteURL.verification(.value(certificate.code)).path).text.contains(
                    "Was diese Seite sagt, gilt auch für das Badge: es ist widerrufen."))
        }
    }

    static func kid(of token: String) throws -> String {
        let header = try #require(Data(base64URL: String(token.split(separator: ".")[0])))
        return try #require((try JSONSerialization.jsonObject(with: header) as? [String: Any])?["kid"] as? String)
    }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }
}
