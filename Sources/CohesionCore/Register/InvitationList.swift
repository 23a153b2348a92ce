import Foundation

/// A list of people to invite, as a lead exports it from a spreadsheet: name, e-mail and AGS
/// per line, separated by `;` or `,`, with or without a header line.
public enum InvitationList {
    public struct Row: Sendable, Equatable {
        public let line: Int
        public let name: String
        public let email: String
        public let ags: String
    }

    public struct RowError: Sendable, Equatable, Codable {
        /// 0 when the problem is the file as a whole.
        public let line: Int
        public let message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    public static func parse(_ text: String) -> (rows: [Row], errors: [RowError]) {
        let firstLine = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let delimiter: Character = firstLine.contains(";") ? ";" : ","
        let parsed: [CSVReader.Row]
        do {
            parsed = try CSVReader(delimiter: delimiter).rows(of: text)
        } catch {
            return ([], [RowError(line: error.line, message: error.problem)])
        }
        var rows: [Row] = []
        var errors: [RowError] = []
        var seen: Set<String> = []
        for row in parsed {
            let fields = row.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if row.line == parsed.first?.line, fields.first?.lowercased() == "name" { continue }
            guard fields.count >= 2, fields.count <= 3 else {
                let found = fields.count == 1 ? "1 Spalte gefunden" : "\(fields.count) Spalten gefunden"
                errors.append(RowError(line: row.line, message: found + ", erwartet werden 3: Name;E-Mail;AGS (der Gemeindeschlüssel darf leer bleiben)"))
                continue
            }
            let email = fields[1].lowercased()
            let ags = fields.count == 3 ? fields[2] : ""
            if fields[0].isEmpty { errors.append(RowError(line: row.line, message: "der Name fehlt")); continue }
            if email.range(of: #"^[^@\s]+@[^@\s]+\.[^@\s]+$"#, options: .regularExpression) == nil {
                errors.append(RowError(line: row.line, message: "„\(fields[1])“ ist keine gültige E-Mail-Adresse")); continue
            }
            if !ags.isEmpty && !(ags.count == 8 && ags.allSatisfy { $0.isASCII && $0.isNumber }) {
                errors.append(RowError(line: row.line, message: "„\(ags)“ ist kein achtstelliger Gemeindeschlüssel")); continue
            }
            guard seen.insert(email).inserted else {
                errors.append(RowError(line: row.line, message: "\(email) steht mehrfach in der Liste")); continue
            }
            rows.append(Row(line: row.line, name: fields[0], email: email, ags: ags))
        }
        return (rows, errors)
    }
}
