import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Everything Cohesion holds about one person (DSGVO Art. 15 and 20), read through the
/// declarations every feature makes, so a feature added later is in the export by declaring its data.
struct PersonalDataExport: Encodable, Sendable {
    struct Section: Encodable, Sendable {
        let table: String
        let data: String
        let purpose: String
        let kept: String
        let columns: [String]
        let rows: [[ExportedValue]]

        enum CodingKeys: String, CodingKey {
            case table = "tabelle"
            case data = "daten"
            case purpose = "zweck"
            case kept = "speicherdauer"
            case rows = "zeilen"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(table, forKey: .table)
            try container.encode(data, forKey: .data)
            try container.encode(purpose, forKey: .purpose)
            try container.encode(kept, forKey: .kept)
            // Rows as objects keyed by column, the form spreadsheet tools and scripts read most easily.
            let objects = rows.map { row in Dictionary(uniqueKeysWithValues: zip(columns, row)) }
            try container.encode(objects, forKey: .rows)
        }
    }

    let name: String
    let email: String
    let created: Date
    let sections: [Section]

    enum CodingKeys: String, CodingKey {
        case name
        case email = "e_mail"
        case created = "erstellt"
        case sections = "daten"
    }

    /// Secrets are never exported, not even to their owner: they only ever exist as hashes, or open an account.
    static let secretColumns: Set<String> = ["password_hash", "token_hash", "csrf_token", "token", "claim"]

    /// Every declared table's rows that name the person. The tables (about 50) are read side by
    /// side over the pool's connections: one after the other they were 20–39 ms on PostgreSQL.
    static func collect(
        for userID: UUID, at now: Date, declarations: [PersonalData], schema: RevisionedValues<Int>? = nil, on db: any Database
    ) async throws -> PersonalDataExport {
        guard let user = try await User.find(userID, on: db) else { throw PersonalDataErasure.NoSuchPerson() }
        let tables = try TableRows(db)
        let derived = FeatureCatalog.cohesion.derivedTables
        let catalogue: [String: [TableColumn]]
        if let schema {
            catalogue = try await schema.value("catalogue", at: 0) { try await tables.catalogue(leaving: derived) }
        } else {
            catalogue = try await tables.catalogue(leaving: derived)
        }
        let email = user.email
        // Each declared table the database has, with the columns it may show.
        let readable = declarations.enumerated().compactMap { index, declaration in
            catalogue[declaration.table].map { columns in (index, declaration, columns.filter { !secretColumns.contains($0.name) }) }
        }
        let found = try await withThrowingTaskGroup(of: (Int, [[CellValue]]).self) { group in
            for (index, declaration, columns) in readable {
                group.addTask {
                    var rows: [[CellValue]] = []
                    for link in declaration.links {
                        let value: CellValue = link.holds == .accountID ? .uuid(userID) : .text(email)
                        rows += try await tables.rows(of: declaration.table, columns: columns, where: link.column, is: value)
                    }
                    return (index, rows)
                }
            }
            return try await group.reduce(into: [Int: [[CellValue]]]()) { found, result in found[result.0] = result.1 }
        }
        let sections = readable.compactMap { index, declaration, columns -> Section? in
            guard let rows = found[index], !rows.isEmpty else { return nil }
            return Section(
                table: declaration.table, data: declaration.data, purpose: declaration.purpose, kept: declaration.kept,
                columns: columns.map(\.name), rows: rows.map { $0.map(ExportedValue.init) })
        }
        return PersonalDataExport(name: user.name, email: user.email, created: now, sections: sections)
    }
}

/// A value as the export shows it: identifiers and times as text, files by their size only.
struct ExportedValue: Encodable, Sendable, Equatable {
    let value: CellValue

    init(_ value: CellValue) { self.value = value }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .int(let int): try container.encode(int)
        case .double(let double): try container.encode(double)
        default: try container.encode(text)
        }
    }

    var isIdentifier: Bool {
        if case .uuid = value { return true }
        return false
    }

    /// How the readable page shows the value: times in Berlin, as German pages write them.
    var readable: String {
        switch value {
        case .null: "–"
        case .date(let date): BerlinTime.day(of: date).german + ", " + BerlinTime.clock(date) + " Uhr"
        default: text.isEmpty ? "–" : text
        }
    }

    /// The value as text.
    var text: String {
        switch value {
        case .null: ""
        case .uuid(let uuid): uuid.uuidString.lowercased()
        case .text(let text): text
        case .int(let int): "\(int)"
        case .bool(let bool): bool ? "ja" : "nein"
        case .double(let double): "\(double)"
        case .date(let date): date.formatted(.iso8601)
        case .bytes(let data): "Datei, \(data.count) Bytes"
        }
    }
}
