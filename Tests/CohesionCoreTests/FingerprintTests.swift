import Testing

@testable import CohesionCore

@Suite("Fingerprints")
struct FingerprintTests {
    @Test("short inputs give FNV-1a 64 as published; the same through contiguous bytes and any sequence; one changed byte changes it")
    func vectors() {
        #expect(Fingerprint.of([UInt8]()) == "cbf29ce484222325")
        #expect(Fingerprint.of(Array("a".utf8)) == "af63dc4c8601ec8c")
        #expect(Fingerprint.of(Array("foobar".utf8)) == "85944171f73967e8")
        let text = "Teil 2: Fachkenntnisse & Empowerment – Konstanz"
        let viaSequence = Fingerprint.of(text.utf8.lazy.map { $0 })
        #expect(Array(text.utf8).withUnsafeBytes { Fingerprint.of($0) } == viaSequence && Fingerprint.of(text.utf8) == viaSequence)
        var bytes = Array(String(repeating: "Konstanz ", count: 100).utf8)
        let before = Fingerprint.of(bytes)
        for index in [0, 7, 8, 450, bytes.count - 1] {
            bytes[index] ^= 0x20
            #expect(Fingerprint.of(bytes) != before, "byte \(index)")
            bytes[index] ^= 0x20
        }
    }
}
