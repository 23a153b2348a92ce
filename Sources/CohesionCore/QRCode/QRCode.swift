/// A QR code (ISO/IEC 18004, model 2) for a short text such as a verification address: byte mode,
/// error-correction level M (15 % of the symbol may be damaged), the smallest version that fits,
/// and the mask with the lowest penalty. Written here because no QR encoder is among the packages
/// this project may use; it is checked against an independent decoder (zxing-cpp) in the tests.
public struct QRCode: Sendable {
    public let size: Int
    /// Dark modules, row by row: `modules[y][x]`.
    public private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]
    let version: QRVersion
    public private(set) var mask = 0

    public struct TooLong: Error {}

    public init(text: String) throws(TooLong) {
        let bytes = Array(text.utf8)
        guard let version = QRVersion.all.first(where: { Self.bitsNeeded(bytes.count, $0) <= $0.dataCodewords * 8 }) else { throw TooLong() }
        self.version = version
        size = version.size
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns()
        place(codewords: Self.interleaved(Self.dataCodewords(bytes, version), version))
        chooseMask()
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y][x] }

    private static func bitsNeeded(_ count: Int, _ version: QRVersion) -> Int { 4 + version.characterCountBits + count * 8 }

    /// Mode, count, bytes, terminator and the alternating pad bytes 0xEC 0x11.
    static func dataCodewords(_ bytes: [UInt8], _ version: QRVersion) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) {
            for i in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version.characterCountBits)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = version.dataCodewords * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < version.dataCodewords {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Splits the data into blocks, adds each block's error correction and interleaves them column by column.
    static func interleaved(_ data: [UInt8], _ version: QRVersion) -> [UInt8] {
        let blockCount = version.blockCount
        let eccLength = version.eccCodewordsPerBlock
        let shortBlocks = blockCount - version.totalCodewords % blockCount
        let shortLength = version.totalCodewords / blockCount
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var blocks: [[UInt8]] = []
        var offset = 0
        for index in 0..<blockCount {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            var block = Array(data[offset..<offset + length])
            offset += length
            let ecc = ReedSolomon.remainder(block, divisor: divisor)
            if index < shortBlocks { block.append(0) }
            blocks.append(block + ecc)
        }
        var result: [UInt8] = []
        for column in blocks[0].indices {
            for (index, block) in blocks.enumerated() where column != shortLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }

    // MARK: Function patterns

    private mutating func setFunction(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns() {
        for i in 0..<size {
            setFunction(6, i, i % 2 == 0)
            setFunction(i, 6, i % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    setFunction(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = version.alignmentPositions
        for (i, x) in positions.enumerated() {
            for (j, y) in positions.enumerated() {
                let last = positions.count - 1
                if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                for dy in -2...2 { for dx in -2...2 { setFunction(x + dx, y + dy, max(abs(dx), abs(dy)) != 1) } }
            }
        }
        drawFormatBits(mask: 0)
        drawVersionBits()
    }

    /// Level M (format value 0) and the mask, with their BCH code, in both copies, plus the dark module.
    private mutating func drawFormatBits(mask: Int) {
        let data = mask
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
        for i in 0...5 { setFunction(8, i, bit(i)) }
        setFunction(8, 7, bit(6))
        setFunction(8, 8, bit(7))
        setFunction(7, 8, bit(8))
        for i in 9..<15 { setFunction(14 - i, 8, bit(i)) }
        for i in 0..<8 { setFunction(size - 1 - i, 8, bit(i)) }
        for i in 8..<15 { setFunction(8, size - 15 + i, bit(i)) }
        setFunction(8, size - 8, true)
    }

    /// Versions 7 and up carry their number with a Golay code in two 6×3 blocks.
    private mutating func drawVersionBits() {
        guard version.number >= 7 else { return }
        var remainder = version.number
        for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
        let bits = version.number << 12 | remainder
        for i in 0..<18 {
            let dark = (bits >> i) & 1 == 1
            let a = size - 11 + i % 3
            let b = i / 3
            setFunction(a, b, dark)
            setFunction(b, a, dark)
        }
    }

    // MARK: Data and mask

    /// Places the codewords in the zigzag of two-module columns from the bottom right, skipping the timing column.
    private mutating func place(codewords: [UInt8]) {
        var bitIndex = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for j in 0..<2 {
                    let x = right - j
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    if !isFunction[y][x] && bitIndex < codewords.count * 8 {
                        modules[y][x] = (codewords[bitIndex >> 3] >> (7 - UInt8(bitIndex & 7))) & 1 == 1
                        bitIndex += 1
                    }
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask(_ mask: Int) {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && QRMask.inverts(mask, x: x, y: y) {
                modules[y][x].toggle()
            }
        }
    }

    private mutating func chooseMask() {
        var best = 0
        var bestPenalty = Int.max
        for candidate in 0..<8 {
            applyMask(candidate)
            drawFormatBits(mask: candidate)
            let penalty = QRMask.penalty(modules)
            if penalty < bestPenalty { best = candidate; bestPenalty = penalty }
            applyMask(candidate)
        }
        applyMask(best)
        drawFormatBits(mask: best)
        mask = best
    }
}
