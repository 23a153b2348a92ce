/// FNV-1a, 64 bit: a fast, stable fingerprint of bytes for cache validators and asset names.
/// Stable across runs and instances, unlike Swift's per-process seeded `hashValue`.
public enum Fingerprint {
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100000001b3
        }
        return String(hash, radix: 16)
    }
}
