import CohesionCore
import Foundation
import Vapor

/// The clock, behind a small client so tests can move time (token expiry, throttling).
package struct AppClock: Sendable {
    package let now: @Sendable () -> Date

    package static let live = AppClock { Date() }

    package init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }
}

/// Random secrets for cookies and links; the live version uses the system's secure generator.
package struct SecretGenerator: Sendable {
    package let make: @Sendable () -> String

    package static let live = SecretGenerator {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// What the application holds besides Vapor's own state, set once in `configure`.
package struct CohesionServices: Sendable {
    package var config: AppConfig
    package let metrics: AppMetrics
    package var clock: AppClock = .live
    package var secrets: SecretGenerator = .live
    package var mailer: Mailer
    /// A hash to verify against when an address has no account (see `AuthController.verify`).
    package var dummyPasswordHash: String
    package let publicPages = PublicPageCache()
    package let reports = ReportCache()
    package let personalPages = PersonalPageCache()
    /// The database's tables and columns (`TableRows.catalogue`), read once: the schema changes
    /// only by migrations, which run before the server starts.
    package let schema = RevisionedValues<Int>(capacity: 4)
    /// Shared by the API's own check and the public cache, which answers anonymous calls before it.
    package let apiLimiter: RateLimiter
    /// How many requests are inside the application at once (`MAX_REQUESTS_INSIDE`).
    package let admission: RequestAdmission
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = CohesionServices
    }

    package var cohesion: CohesionServices {
        get {
            guard let services = storage[ServicesKey.self] else {
                fatalError("configure(_:config:) sets the services before the application starts")
            }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    package var cohesion: CohesionServices { application.cohesion }
    package var now: Date { application.cohesion.clock.now() }
}

/// SHA-256 in hex: how secrets from cookies and links are stored. Written digit by digit: every
/// request with a session cookie hashes it, and `String(format:)` per byte was 8 % of Mein
/// Programm's CPU time (`perf`).
package func secretHash(_ secret: String) -> String {
    let digits = Array("0123456789abcdef".utf8)
    let digest = SHA256.hash(data: Data(secret.utf8))
    return String(unsafeUninitializedCapacity: SHA256.byteCount * 2) { buffer in
        var index = 0
        for byte in digest {
            buffer[index] = digits[Int(byte >> 4)]
            buffer[index + 1] = digits[Int(byte & 0x0f)]
            index += 2
        }
        return index
    }
}

extension Request {
    /// The installation's disclosure threshold, as every aggregate page applies it.
    package var disclosureRule: DisclosureRule { DisclosureRule(minimumGroupSize: cohesion.config.disclosureMinimum) }
}
