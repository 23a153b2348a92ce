import CohesionCore
import Foundation
import Vapor

/// The clock, behind a small client so tests can move time (token expiry, throttling).
struct AppClock: Sendable {
    let now: @Sendable () -> Date

    static let live = AppClock { Date() }
}

/// Random secrets for cookies and links; the live version uses the system's secure generator.
struct SecretGenerator: Sendable {
    let make: @Sendable () -> String

    static let live = SecretGenerator {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// What the application holds besides Vapor's own state, set once in `configure`.
struct CohesionServices: Sendable {
    var config: AppConfig
    let metrics: AppMetrics
    var clock: AppClock = .live
    var secrets: SecretGenerator = .live
    var mailer: Mailer
    /// A hash to verify against when an address has no account (see `AuthController.verify`).
    var dummyPasswordHash: String
    let publicPages = PublicPageCache()
    let reports = ReportCache()
    /// Shared by the API's own check and the public cache, which answers anonymous calls before it.
    let apiLimiter: RateLimiter
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = CohesionServices
    }

    var cohesion: CohesionServices {
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
    var cohesion: CohesionServices { application.cohesion }
    var now: Date { application.cohesion.clock.now() }
}

/// SHA-256 in hex: how secrets from cookies and links are stored.
func secretHash(_ secret: String) -> String {
    SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
}

extension Request {
    /// The installation's disclosure threshold, as every aggregate page applies it.
    var disclosureRule: DisclosureRule { DisclosureRule(minimumGroupSize: cohesion.config.disclosureMinimum) }
}
