import Foundation

/// The text of a CSV file as people save it: UTF-8 with or without a byte-order mark, or
/// Windows-1252, which German Excel writes for "CSV (Trennzeichen-getrennt)".
public enum SpreadsheetText {
    public enum Encoding: Equatable, Sendable { case utf8, windows1252 }

    /// UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252, which
    /// gives every byte a character, so no file is refused for its encoding.
    public static func decode(_ bytes: [UInt8]) -> (text: String, encoding: Encoding) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return (text, .utf8) }
        return (String(body.map { windows1252[Int($0)] }), .windows1252)
    }

    /// Windows-1252 as a table: Latin-1 except 0x80–0x9F, where it has € „ “ – — and others.
    private static let windows1252: [Character] = (0...255).map { byte in
        let special: [Int: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
            0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D,
            0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
            0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]
        return Character(Unicode.Scalar(special[byte] ?? UInt32(byte))!)
    }
}
