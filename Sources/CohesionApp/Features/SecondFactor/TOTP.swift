import CohesionPlatform
import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238 over RFC 4226, HMAC-SHA1, 30-second steps), as every
/// authenticator app makes them. Written here because no TOTP package is among those this project
/// may use; HMAC comes from swift-crypto.
enum TOTP {
    static let step: TimeInterval = 30

    static func counter(at time: Date) -> Int64 { Int64((time.timeIntervalSince1970 / step).rounded(.down)) }

    static func code(secret: [UInt8], counter: Int64, digits: Int = 6) -> String {
        var big = counter.bigEndian
        let message = withUnsafeBytes(of: &big) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let value = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(value % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The counter the typed code belongs to, allowing one step either way for a phone's clock;
    /// nil when it matches none.
    static func matchingCounter(_ typed: String, secret: [UInt8], at time: Date) -> Int64? {
        let digits = typed.filter { !$0.isWhitespace }
        guard digits.count == 6, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
        let now = counter(at: time)
        return [now, now - 1, now + 1].first { code(secret: secret, counter: $0) == digits }
    }
}
