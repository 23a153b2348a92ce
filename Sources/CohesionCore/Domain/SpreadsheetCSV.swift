/// CSV as German spreadsheet programs open it without asking: UTF-8 with a byte-order mark
/// (so umlauts survive), `;` between fields (the comma is the decimal sign), CRLF line ends.
public enum SpreadsheetCSV {
    public static func render(header: [String], rows: [[String]]) -> [UInt8] {
        var text = ([header] + rows).map { $0.map(field).joined(separator: ";") }.joined(separator: "\r\n") + "\r\n"
        text = "\u{FEFF}" + text
        return Array(text.utf8)
    }

    /// Quotes where needed; a leading = + - @ is neutralised so no cell runs as a formula.
    static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
