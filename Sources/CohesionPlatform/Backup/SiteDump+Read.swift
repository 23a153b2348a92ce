import Fluent
import Foundation
import SQLKit

extension SiteDump {
    /// Fills the (migrated, still empty) database behind `db` from the file at `path`, all or
    /// nothing in one transaction. Refuses a database that already has accounts, and a file from
    /// another version of Cohesion (its migrations differ). Derived tables are rebuilt at the end,
    /// in the same transaction (`DumpTreatment.rebuilt`).
    package static func read(_ path: String, into db: any Database, treatments: [DumpTreatment]) async throws -> (Header, Summary) {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw Refused(description: "Datei nicht gefunden: \(path)") }
        defer { try? handle.close() }
        let reader = LineReader(handle)
        let decoder = JSONDecoder()
        guard let first = try reader.next(), let header = try? decoder.decode(Header.self, from: first),
            header.format == format, header.version == version
        else {
            throw Refused(description: "\(path) ist keine Sicherung von Cohesion.")
        }
        let tables = try TableRows(db)
        let here = try await migrations(on: tables.sql)
        guard Set(here) == Set(header.migrations) else {
            let newer = Set(header.migrations).subtracting(here).isEmpty ? "älteren" : "anderen oder neueren"
            throw Refused(
                description: "Die Datei stammt von einer \(newer) Version von Cohesion (\(header.migrations.count) statt \(here.count) Migrationen). "
                    + "Bitte mit derselben Version einspielen, mit der sie geschrieben wurde.")
        }
        let accounts = try await tables.count(of: User.schema)
        guard accounts == 0 else {
            throw Refused(description: "Die Zieldatenbank ist nicht leer (\(accounts) Konten). Bitte in eine leere Datenbank einspielen.")
        }
        let summary = try await db.transaction { db in
            let tables = try TableRows(db)
            let catalogue = try await tables.catalogue(leaving: Set(treatments.rebuilt.flatMap(\.tables)))
            // Migrations put a few rows in place (settings); the file brings its own.
            for table in try await tables.dependencyOrder(of: Array(catalogue.keys)).reversed() {
                try await tables.sql.delete(from: SQLIdentifier(table)).run()
            }
            var summary = Summary()
            func damaged() -> Refused { Refused(description: "\(path) ist unvollständig oder beschädigt (nach \(summary.rows) Zeilen).") }
            while true {
                guard let line = try reader.next() else { throw damaged() }
                if let trailer = try? decoder.decode(Trailer.self, from: line) {
                    guard trailer.end == summary else { throw damaged() }
                    break
                }
                guard let table = try? decoder.decode(TableHeader.self, from: line) else { throw damaged() }
                guard let target = catalogue[table.table], Set(target.map(\.name)) == Set(table.columns.map(\.name)) else {
                    throw Refused(description: "Die Tabelle \(table.table) passt nicht zu dieser Datenbank.")
                }
                let kinds = Dictionary(uniqueKeysWithValues: target.map { ($0.name, $0.kind) })
                let columns = table.columns.map { TableColumn(name: $0.name, kind: kinds[$0.name] ?? $0.kind) }
                var batch: [[CellValue]] = []
                for index in 0..<table.rows {
                    guard let line = try reader.next(), let raw = try? decoder.decode([JSONValue].self, from: line), raw.count == columns.count else {
                        throw Refused(description: "\(path) ist unvollständig oder beschädigt (Tabelle \(table.table), Zeile \(index + 1)).")
                    }
                    let row = zip(raw, table.columns).compactMap { value, column in DumpValue.decode(value, as: column.kind) }
                    guard row.count == columns.count else {
                        throw Refused(description: "Tabelle \(table.table), Zeile \(index + 1): ein Wert passt nicht zu seiner Spalte.")
                    }
                    batch.append(row)
                    if batch.count == 500 {
                        try await tables.insert(into: table.table, columns: columns, rows: batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                try await tables.insert(into: table.table, columns: columns, rows: batch)
                summary.tables += 1
                summary.rows += table.rows
            }
            for (_, rebuild) in treatments.rebuilt { try await rebuild(tables.sql) }
            return summary
        }
        return (header, summary)
    }
}

/// Reads a file line by line in chunks, so a large backup is never held whole in memory.
/// Used by one task at a time (inside the import's transaction), hence unchecked.
package final class LineReader: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private var finished = false

    package init(_ handle: FileHandle) { self.handle = handle }

    package func next() throws -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                return Data(line)
            }
            if finished {
                guard !buffer.isEmpty else { return nil }
                defer { buffer.removeAll() }
                return buffer
            }
            let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            if chunk.isEmpty { finished = true } else { buffer.append(chunk) }
        }
    }
}
