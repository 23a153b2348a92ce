import CohesionPlatform
import Crypto
import CryptoExtras
import Fluent
import Foundation
import JWTKit

/// The installation's badge signing keys: created on first use, rotated by `cohesion rotate-signing-key`,
/// published as a JWK Set at `/.well-known/jwks.json`.
enum BadgeKeys {
    /// The key that signs now, made if there is none yet.
    static func active(on db: any Database, now: Date) async throws -> SigningKey {
        if let key = try await SigningKey.query(on: db).filter(\.$retiredAt == nil).sort(\.$createdAt, .descending).first() {
            return key
        }
        return try await create(on: db, now: now)
    }

    /// A new signing key; the ones before it are retired from signing but stay published.
    @discardableResult
    static func rotate(on db: any Database, now: Date) async throws -> SigningKey {
        try await db.transaction { db in
            try await SigningKey.query(on: db).filter(\.$retiredAt == nil).set(\.$retiredAt, to: now).update()
            return try await create(on: db, now: now)
        }
    }

    private static func create(on db: any Database, now: Date) async throws -> SigningKey {
        let backing = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let key = SigningKey()
        key.privatePEM = backing.pemRepresentation
        key.createdAt = now
        // The kid is a thumbprint-like digest of the public key: stable, and says nothing else.
        let digest = SHA256.hash(data: backing.publicKey.derRepresentation)
        key.kid = Base64URL.encode(Data(digest.prefix(12)))
        try await key.save(on: db)
        return key
    }

    /// Every key's public half, newest first.
    static func jwks(on db: any Database) async throws -> JWKS {
        let keys = try await SigningKey.query(on: db).sort(\.$createdAt, .descending).all()
        return JWKS(
            keys: try keys.map { key in
                let primitives = try Insecure.RSA.PrivateKey(pem: key.privatePEM).publicKey.getKeyPrimitives()
                return JWK.rsa(
                    .rs256, identifier: JWKIdentifier(string: key.kid),
                    modulus: Base64URL.encode(primitives.modulus), exponent: Base64URL.encode(primitives.publicExponent))
            })
    }

    /// A collection that verifies with every published key.
    static func verifier(on db: any Database) async throws -> JWTKeyCollection {
        let collection = JWTKeyCollection()
        for key in try await SigningKey.query(on: db).all() {
            await collection.add(
                rsa: try Insecure.RSA.PrivateKey(pem: key.privatePEM).publicKey, digestAlgorithm: .sha256,
                kid: JWKIdentifier(string: key.kid))
        }
        return collection
    }

    static func signer(_ key: SigningKey) async throws -> JWTKeyCollection {
        let collection = JWTKeyCollection()
        await collection.add(rsa: try Insecure.RSA.PrivateKey(pem: key.privatePEM), digestAlgorithm: .sha256, kid: JWKIdentifier(string: key.kid))
        return collection
    }
}

/// Base64 with the URL alphabet and no padding, as JOSE writes binary values.
enum Base64URL {
    static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
