/// CSV as German spreadsheet programs open it without asking: UTF-8 with a byte-order mark
/// (so umlauts survive), `;` between fields (the comma is the decimal sign), CRLF line ends.
/// Written byte by byte into one array: a whole programme's list is 100,000 lines, and joining
/// strings per field and per line took most of its time.
public enum SpreadsheetCSV {
    public static func render(header: [String], rows: [[String]]) -> [UInt8] {
        var bytes = start(header: header)
        for row in rows { append(row, to: &bytes) }
        return bytes
    }

    /// The byte-order mark and the header line: the start of a file written a piece at a time.
    public static func start(header: [String]) -> [UInt8] {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        append(header, to: &bytes)
        return bytes
    }

    /// One line, its fields quoted where needed, with its CRLF.
    public static func append(_ row: [String], to bytes: inout [UInt8]) {
        for (index, value) in row.enumerated() {
            if index > 0 { bytes.append(semicolon) }
            appendField(value, to: &bytes)
        }
        bytes.append(contentsOf: [carriageReturn, lineFeed])
    }

    /// A leading = + - @ (or tab, carriage return) is neutralised with an apostrophe so no cell
    /// runs as a formula; a field with `;`, `"` or a line break is quoted, its quotes doubled.
    static func appendField(_ value: String, to bytes: inout [UInt8]) {
        let utf8 = value.utf8
        let neutralised = utf8.first.map(formulaStarts.contains) ?? false
        let quoted = utf8.contains { $0 == semicolon || $0 == quote || $0 == lineFeed || $0 == carriageReturn }
        if quoted { bytes.append(quote) }
        if neutralised { bytes.append(UInt8(ascii: "'")) }
        if quoted {
            for byte in utf8 {
                bytes.append(byte)
                if byte == quote { bytes.append(quote) }
            }
            bytes.append(quote)
        } else {
            bytes.append(contentsOf: utf8)
        }
    }

    private static let semicolon = UInt8(ascii: ";")
    private static let quote = UInt8(ascii: "\"")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let formulaStarts: Set<UInt8> = Set("=+-@\t\r".utf8)
}
