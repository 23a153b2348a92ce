/// A fast, stable 64-bit fingerprint of bytes (FNV-1a over words) for cache validators and asset names.
/// Stable across runs and instances, unlike Swift's per-process seeded `hashValue`.
public enum Fingerprint {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    /// Over contiguous bytes, without generics: what the ETag of every response body uses. FNV-1a
    /// steps over 64-bit little-endian words, the tail byte by byte: a chain of multiplications is
    /// the cost, so eight bytes a step: 0.18 ns a byte, 4 µs for a 22 KB page, where the byte-wise
    /// original took 1.4 ns and 30 µs (`bench/HTMLRenderBench`). Each step is a bijection, so a body
    /// that differs in one word always gets another fingerprint.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> String {
        var hash = offsetBasis
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))) &* prime
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
            index += 1
        }
        return String(hash, radix: 16)
    }

    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if let result = bytes.withContiguousStorageIfAvailable({ of(UnsafeRawBufferPointer($0)) }) { return result }
        return of(Array(bytes))
    }

    static func of(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { of($0) }
    }
}
