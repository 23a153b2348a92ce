/// Reads delimited text as statistical offices publish it: quoted fields (with doubled quotes
/// inside), `,` or `;` as delimiter, LF or CRLF line ends, an optional UTF-8 byte-order mark.
public struct CSVReader: Sendable {
    public struct Row: Sendable {
        /// 1-based line number of the row's first line in the file, for messages.
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public struct Malformed: Error, CustomStringConvertible, Equatable {
        public let line: Int
        public let problem: String
        public var description: String { "Zeile \(line): \(problem)" }

        public init(line: Int, problem: String) {
            self.line = line
            self.problem = problem
        }
    }

    public let delimiter: UInt8

    public init(delimiter: Character = ",") {
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    /// `;` when the first line has one (German Excel's separator), else `,`.
    public static func detectingDelimiter(in text: String) -> CSVReader {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return CSVReader(delimiter: firstLine.contains(";") ? ";" : ",")
    }

    public func rows(of text: String) throws(Malformed) -> [Row] {
        var rows: [Row] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var inQuotes = false
        var fieldWasQuoted = false
        var line = 1
        var rowStart = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var index = 0
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
            } else if byte == UInt8(ascii: "\"") {
                guard field.isEmpty && !fieldWasQuoted else {
                    throw Malformed(line: line, problem: "Anführungszeichen mitten in einem Feld")
                }
                inQuotes = true
                fieldWasQuoted = true
            } else if byte == delimiter {
                endField()
            } else if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endField()
                if !(fields.count == 1 && fields[0].isEmpty) { rows.append(Row(line: rowStart, fields: fields)) }
                fields.removeAll(keepingCapacity: true)
                line += 1
                rowStart = line
            } else {
                guard !fieldWasQuoted else { throw Malformed(line: line, problem: "Text nach dem schließenden Anführungszeichen") }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes { throw Malformed(line: rowStart, problem: "Anführungszeichen wird nicht geschlossen") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted {
            endField()
            rows.append(Row(line: rowStart, fields: fields))
        }
        return rows
    }
}
