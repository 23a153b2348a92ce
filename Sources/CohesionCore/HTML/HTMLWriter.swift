/// The one output buffer a page is written into.
///
/// Text and attribute values are escaped on the way in, so markup can only reach the
/// buffer through `writeRaw`, which `HTML.raw` alone calls.
public struct HTMLWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 16_384) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    mutating func writeRaw(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func writeRaw(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Escapes `& < > " '`, which is enough for text content and for quoted attribute values.
    mutating func writeEscaped(_ string: String) {
        var string = string
        string.withUTF8 { source in
            var runStart = 0
            for index in 0..<source.count {
                let replacement: StaticString
                switch source[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                writeRaw(replacement)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<source.count]))
        }
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
