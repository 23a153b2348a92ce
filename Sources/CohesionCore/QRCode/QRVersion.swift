/// What ISO/IEC 18004 fixes for each version (size) of a QR code at error-correction level M,
/// for versions 1 to 10: up to 213 bytes, ample for a verification address.
struct QRVersion: Sendable {
    let number: Int

    static let all = (1...10).map(QRVersion.init(number:))

    /// Error-correction codewords per block and number of blocks at level M (Table 9 of the standard).
    private static let eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    private static let blocks = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    var size: Int { number * 4 + 17 }
    var eccCodewordsPerBlock: Int { Self.eccPerBlock[number - 1] }
    var blockCount: Int { Self.blocks[number - 1] }

    /// All codewords the symbol holds: its modules minus finders, timing, alignment, format and version areas, in bytes.
    var totalCodewords: Int {
        var modules = (16 * number + 128) * number + 64
        if number >= 2 {
            let alignments = number / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if number >= 7 { modules -= 36 }
        }
        return modules / 8
    }

    var dataCodewords: Int { totalCodewords - eccCodewordsPerBlock * blockCount }

    /// Byte mode counts characters in 8 bits up to version 9, in 16 from version 10.
    var characterCountBits: Int { number < 10 ? 8 : 16 }

    /// Centres of the alignment patterns along each axis.
    var alignmentPositions: [Int] {
        guard number > 1 else { return [] }
        let count = number / 7 + 2
        let step = (number * 8 + count * 3 + 5) / (count * 4 - 4) * 2
        var positions = [6]
        for index in 1..<count { positions.append(size - 7 - (count - 1 - index) * step) }
        return positions
    }
}
