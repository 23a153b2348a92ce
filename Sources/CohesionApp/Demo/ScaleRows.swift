import CohesionPlatform
import Fluent
import Foundation

/// Rows for one table, written in large multi-row INSERTs as they accumulate. Column kinds come
/// from the database's own catalogue, so the same rows suit SQLite and PostgreSQL.
final class ScaleRows {
    let table: String
    private let columns: [TableColumn]
    private let tables: TableRows
    private var pending: [[CellValue]] = []
    private(set) var written = 0
    /// Tables these rows refer to: written first, so no foreign key points at a row still pending.
    var parents: [ScaleRows] = []

    init(_ table: String, _ names: [String], catalogue: [String: [TableColumn]], tables: TableRows) throws {
        guard let known = catalogue[table] else { throw ScaleData.Refused(description: "Tabelle \(table) fehlt: zuerst `cohesion migrate`.") }
        let kinds = Dictionary(uniqueKeysWithValues: known.map { ($0.name, $0.kind) })
        columns = try names.map { name in
            guard let kind = kinds[name] else { throw ScaleData.Refused(description: "Spalte \(table).\(name) fehlt.") }
            return TableColumn(name: name, kind: kind)
        }
        self.table = table
        self.tables = tables
        pending.reserveCapacity(5_000)
    }

    func add(_ row: [CellValue]) async throws {
        pending.append(row)
        if pending.count >= 5_000 { try await flush() }
    }

    func flush() async throws {
        for parent in parents { try await parent.flush() }
        guard !pending.isEmpty else { return }
        try await tables.insert(into: table, columns: columns, rows: pending)
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }
}
