import Testing

@testable import CohesionCore

/// The encoder's parts checked against the standard's own figures; the whole symbol is decoded
/// by an independent reader (zxing-cpp) in the certificate tests.
@Suite("QR code")
struct QRCodeTests {
    @Test("error correction of the standard's worked example (HELLO WORLD, 1-M)")
    func reedSolomon() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let ecc = ReedSolomon.remainder(data, divisor: ReedSolomon.divisor(degree: 10))
        #expect(ecc == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test("capacities at level M follow the standard's table")
    func capacities() {
        #expect(QRVersion.all.map(\.dataCodewords) == [16, 28, 44, 64, 86, 108, 124, 154, 182, 216])
        #expect(QRVersion(number: 7).alignmentPositions == [6, 22, 38])
    }

    @Test("the format information says level M and the chosen mask, in both copies")
    func formatInformation() throws {
        let code = try QRCode(text: "https://cohesion.example.org/nachweis/ABCD-EFGH-JKMN-PQRS")
        #expect(code.size == 33)
        // Level M, masks 0 to 7, from the standard's table of format strings (bit 14 first).
        let expected = [
            "101010000010010", "101000100100101", "101111001111100", "101101101001011",
            "100010111111001", "100000011001110", "100111110010111", "100101010100000",
        ][code.mask]
        let first: [(Int, Int)] = (0...5).map { (8, $0) } + [(8, 7), (8, 8), (7, 8)] + (9..<15).map { (14 - $0, 8) }
        let second: [(Int, Int)] = (0..<8).map { (code.size - 1 - $0, 8) } + (8..<15).map { (8, code.size - 15 + $0) }
        for positions in [first, second] {
            let read = positions.reversed().map { code.isDark(x: $0.0, y: $0.1) ? "1" : "0" }.joined()
            #expect(read == expected)
        }
        #expect(code.isDark(x: 8, y: code.size - 8), "the dark module")
    }

    @Test("finder patterns in three corners, none in the fourth")
    func finders() throws {
        let code = try QRCode(text: "Hallo")
        for (x, y) in [(0, 0), (code.size - 7, 0), (0, code.size - 7)] {
            #expect(code.isDark(x: x, y: y) && code.isDark(x: x + 6, y: y + 6) && !code.isDark(x: x + 1, y: y + 1) && code.isDark(x: x + 3, y: y + 3))
        }
    }

    @Test("longer than version 10 holds is refused")
    func tooLong() {
        #expect(throws: QRCode.TooLong.self) { try QRCode(text: String(repeating: "x", count: 214)) }
        #expect((try? QRCode(text: String(repeating: "x", count: 213)))?.size == 57)
    }
}
