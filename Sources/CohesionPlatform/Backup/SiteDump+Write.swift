import Fluent
import Foundation
import SQLKit

extension SiteDump {
    /// Writes every table to `path` from one consistent snapshot: a read-only repeatable-read
    /// transaction on PostgreSQL, one read transaction on SQLite (in WAL mode writers go on meanwhile).
    /// The file appears only when complete: it is written beside and renamed at the end.
    /// Tables the features derive from others are left out (`DumpTreatment`).
    package static func write(
        _ purpose: Purpose, from db: any Database, to path: String, now: Date, treatments: [DumpTreatment]
    ) async throws -> Summary {
        let leftOut = treatments.leftOut(of: purpose)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Refused(description: "Die Datei \(path) gibt es schon; bitte einen neuen Namen wählen.")
        }
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil), let handle = FileHandle(forWritingAtPath: partial) else {
            throw Refused(description: "In \(path) kann nicht geschrieben werden.")
        }
        let writer = LineWriter(handle)
        do {
            let summary = try await db.transaction { db in
                let tables = try TableRows(db)
                if !tables.isSQLite {
                    try await tables.sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run()
                }
                let catalogue = try await tables.catalogue(leaving: Set(treatments.rebuilt.flatMap(\.tables)))
                let header = Header(
                    format: format, version: version, purpose: purpose, created: now,
                    database: tables.isSQLite ? "sqlite" : "postgres", migrations: try await migrations(on: tables.sql))
                try writer.write(header)
                var summary = Summary()
                for table in try await tables.dependencyOrder(of: Array(catalogue.keys)) where !leftOut.contains(table) {
                    let columns = catalogue[table] ?? []
                    let count = try await tables.count(of: table)
                    try writer.write(TableHeader(table: table, columns: columns, rows: count))
                    let written = try await tables.eachRow(of: table, columns: columns) { row in try writer.write(row.map(DumpValue.init)) }
                    guard written == count else { throw Refused(description: "Tabelle \(table) änderte sich während der Sicherung.") }
                    summary.tables += 1
                    summary.rows += written
                }
                try writer.write(Trailer(end: summary))
                return summary
            }
            try writer.close()
            try FileManager.default.moveItem(atPath: partial, toPath: path)
            return summary
        } catch {
            try? writer.close()
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}

/// A stored value in the file: dates as seconds since 1970 (exact for both databases), files as base64.
package struct DumpValue: Encodable, Sendable {
    package let value: CellValue

    package init(_ value: CellValue) { self.value = value }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case .null: try container.encodeNil()
        case .uuid(let uuid): try container.encode(uuid.uuidString.lowercased())
        case .text(let text): try container.encode(text)
        case .int(let int): try container.encode(int)
        case .bool(let bool): try container.encode(bool)
        case .double(let double): try container.encode(double)
        case .date(let date): try container.encode(date.timeIntervalSince1970)
        case .bytes(let data): try container.encode(data.base64EncodedString())
        }
    }

    /// Reads a value from the file as the column's kind; nil when it does not fit.
    package static func decode(_ raw: JSONValue, as kind: ColumnKind) -> CellValue? {
        switch (kind, raw) {
        case (_, .null): .null
        case (.uuid, .string(let text)): UUID(uuidString: text).map(CellValue.uuid)
        case (.text, .string(let text)): .text(text)
        case (.int, .integer(let int)), (.bool, .integer(let int)): .int(int)
        case (.int, .bool(let bool)), (.bool, .bool(let bool)): .bool(bool)
        case (.double, .integer(let int)): .double(Double(int))
        case (.double, .number(let double)): .double(double)
        case (.date, .integer(let seconds)): .date(Date(timeIntervalSince1970: Double(seconds)))
        case (.date, .number(let seconds)): .date(Date(timeIntervalSince1970: seconds))
        case (.bytes, .string(let base64)): Data(base64Encoded: base64).map(CellValue.bytes)
        default: nil
        }
    }
}

/// Appends JSON lines to a file through a buffer. Used from SQLKit's row callback, one row at a time.
package final class LineWriter: @unchecked Sendable {
    private let handle: FileHandle
    private var buffer = Data()
    private let encoder = JSONEncoder()

    package init(_ handle: FileHandle) { self.handle = handle }

    package func write(_ value: some Encodable) throws {
        buffer.append(try encoder.encode(value))
        buffer.append(0x0A)
        if buffer.count > 1 << 20 { try flush() }
    }

    package func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    package func close() throws {
        try flush()
        try handle.synchronize()
        try handle.close()
    }
}
