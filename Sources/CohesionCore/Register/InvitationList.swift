import Foundation

/// A list of people to invite, as a lead exports it from a spreadsheet: name, e-mail and AGS
/// per row, with or without a header row; as CSV separated by `;` or `,`.
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
        do {
            return parse(rows: try CSVReader.detectingDelimiter(in: text).rows(of: text))
        } catch {
            return ([], [RowError(line: error.line, message: error.problem)])
        }
    }

    /// Rows read from a CSV file or a spreadsheet's first sheet.
    public static func parse(rows parsed: [CSVReader.Row]) -> (rows: [Row], errors: [RowError]) {
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
            // A quoted cell may hold a line break; a name or address never does, and one could end a mail header early.
            if fields.contains(where: FieldErrors.hasLineBreak) {
                errors.append(RowError(line: row.line, message: "eine Zelle enthält einen Zeilenumbruch; bitte Name, E-Mail und AGS je in einer Zeile"));
                continue
            }
            let email = fields[1].lowercased()
            let ags = fields.count == 3 ? restoringLeadingZero(fields[2]) : ""
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

    /// A spreadsheet that holds the AGS as a number drops its leading zero (08335043 becomes
    /// 8335043); the Länder 01 to 09 are the only keys that start with zero, so seven digits get it back.
    static func restoringLeadingZero(_ ags: String) -> String {
        ags.count == 7 && ags.allSatisfy { $0.isASCII && $0.isNumber } ? "0" + ags : ags
    }
}
