import Foundation

/// Actors and ties as spreadsheet rows, for export and import. An import is all or nothing:
/// every bad row is named with its line, and nothing is saved until every row is right.
public enum NetworkFile {
    public static let actorHeader = ["Name", "Art", "Kontakt", "Notiz"]
    public static let tieHeader = ["Von", "Zu", "Art", "Stärke", "Stand"]
    /// What the file says for the participant's own office.
    public static let ownOffice = "Sie"

    public static func actorRow(name: String, kind: ActorKind, contact: String, note: String) -> [String] {
        [name, kind.label, contact, note]
    }

    public static func tieRow(from: String?, to: String, kind: TieKind, intensity: Int, status: TieStatus) -> [String] {
        [from ?? ownOffice, to, kind.label, "\(intensity)", status.label]
    }

    /// New actors from the rows; names must differ from each other and from `existingNames` (lower-cased).
    public static func actors(_ rows: [CSVReader.Row], existingNames: Set<String>) -> Result<[ActorValues], Failure> {
        var taken = existingNames
        var values: [ActorValues] = []
        var errors: [InvitationList.RowError] = []
        for row in content(rows, header: actorHeader) {
            let fields = row.fields.map(cell)
            guard (1...4).contains(fields.count) else {
                errors.append(.init(line: row.line, message: columns(fields.count, expected: actorHeader))); continue
            }
            let input = ActorInput(
                name: fields[0], kind: fields.count > 1 ? fields[1] : "", contact: fields.count > 2 ? fields[2] : "",
                note: fields.count > 3 ? fields[3] : "")
            switch input.check(takenNames: taken) {
            case .invalid(let problems):
                errors.append(.init(line: row.line, message: describe(problems, order: ["name", "kind", "contact", "note"])))
            case .valid(let actor):
                taken.insert(actor.name.lowercased())
                values.append(actor)
            }
        }
        return errors.isEmpty ? .success(values) : .failure(Failure(errors: errors))
    }

    /// New ties from the rows; ends are found by name among `actors` (lower-cased names), „Sie“ is the own office.
    public static func ties(_ rows: [CSVReader.Row], actors: [String: UUID]) -> Result<[TieValues], Failure> {
        var values: [TieValues] = []
        var errors: [InvitationList.RowError] = []
        let known = Set(actors.values)
        for row in content(rows, header: tieHeader) {
            let fields = row.fields.map(cell)
            guard fields.count == 5 else {
                errors.append(.init(line: row.line, message: columns(fields.count, expected: tieHeader))); continue
            }
            var unknown: [String] = []
            func end(_ name: String) -> String {
                if name.lowercased() == ownOffice.lowercased() || name.isEmpty { return TieInput.ownOffice }
                guard let id = actors[name.lowercased()] else { unknown.append(name); return "" }
                return id.uuidString
            }
            let input = TieInput(from: end(fields[0]), to: end(fields[1]), kind: fields[2], intensity: fields[3], status: fields[4])
            if !unknown.isEmpty {
                let verb = unknown.count == 1 ? "steht" : "stehen"
                errors.append(
                    .init(
                        line: row.line,
                        message: "„\(unknown.joined(separator: "“ und „"))“ \(verb) nicht unter Ihren Akteur*innen; bitte zuerst die Akteur*innen einlesen"))
                continue
            }
            switch input.check(actors: known) {
            case .invalid(let problems):
                errors.append(.init(line: row.line, message: describe(problems, order: ["from", "to", "kind", "intensity", "status"])))
            case .valid(let tie): values.append(tie)
            }
        }
        return errors.isEmpty ? .success(values) : .failure(Failure(errors: errors))
    }

    public struct Failure: Error, Equatable {
        public let errors: [InvitationList.RowError]
    }

    /// The rows without an empty file's nothing and without the header, if the file has one.
    static func content(_ rows: [CSVReader.Row], header: [String]) -> [CSVReader.Row] {
        let filled = rows.filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
        guard let first = filled.first, cell(first.fields.first ?? "").lowercased() == header[0].lowercased() else { return filled }
        return Array(filled.dropFirst())
    }

    /// A cell as typed: trimmed, and without the apostrophe the export puts before = + - @.
    static func cell(_ raw: String) -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("'"), let second = trimmed.dropFirst().first, "=+-@".contains(second) { return String(trimmed.dropFirst()) }
        return trimmed
    }

    static func columns(_ count: Int, expected: [String]) -> String {
        (count == 1 ? "1 Spalte gefunden" : "\(count) Spalten gefunden") + ", erwartet werden \(expected.count): " + expected.joined(separator: ";")
    }

    static func describe(_ errors: FieldErrors, order: [String]) -> String {
        order.compactMap { errors[$0] }.joined(separator: " ")
    }
}
