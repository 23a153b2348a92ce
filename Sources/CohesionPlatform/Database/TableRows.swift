import Fluent
import Foundation
import SQLKit
import Vapor

/// One stored value, whatever the database: what the data export, erasure, backup and the move
/// between SQLite and PostgreSQL carry.
package enum CellValue: Equatable, Sendable {
    case null
    case uuid(UUID)
    case text(String)
    case int(Int)
    case bool(Bool)
    case double(Double)
    case date(Date)
    case bytes(Data)
}

/// How a column stores its values, read from the database's own catalogue. SQLite keeps a
/// boolean as INTEGER and a date as REAL (Fluent's mapping), so a value read there as `int` is
/// written as a boolean when the target column is one.
package enum ColumnKind: String, Codable, Sendable {
    case uuid, text, int, bool, double, date, bytes

    package init?(sqliteType: String) {
        switch sqliteType.uppercased() {
        case "UUID": self = .uuid
        case "TEXT": self = .text
        case "INTEGER", "BIGINT": self = .int
        case "REAL": self = .date
        case "DOUBLE": self = .double
        case "BLOB": self = .bytes
        default: return nil
        }
    }

    package init?(postgresType: String) {
        switch postgresType {
        case "uuid": self = .uuid
        case "text", "character varying": self = .text
        case "bigint", "integer", "smallint": self = .int
        case "boolean": self = .bool
        case "double precision", "real": self = .double
        case "timestamp with time zone", "timestamp without time zone": self = .date
        case "bytea": self = .bytes
        default: return nil
        }
    }
}

package struct TableColumn: Codable, Equatable, Sendable {
    package let name: String
    package let kind: ColumnKind

    package init(name: String, kind: ColumnKind) {
        self.name = name
        self.kind = kind
    }
}

/// Reads and writes whole tables through SQLKit on either database, typed by the catalogue.
/// Fluent's models are not used here on purpose: backup, import and erasure must cover every
/// table, also those of features added later, without a list to keep up to date.
package struct TableRows {
    package let sql: any SQLDatabase

    /// Fluent's migration log and the caches' change counters (with PostgreSQL's queue of counters
    /// to move at a commit): kept by Fluent and by triggers, holding nothing but ids and numbers;
    /// never copied, exported or erased.
    package static let bookkeeping = [
        "_fluent_migrations", PublicRevision.table, ReportRevision.table, PersonalRevision.table, PersonalRevision.sharedTable,
        MoveCountersAtCommit.table,
    ]
    private var bookkeepingList: SQLQueryString {
        SQLQueryString(Self.bookkeeping.map { "'\($0)'" }.joined(separator: ", "))
    }

    package init(_ db: any Database) throws {
        guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "SQL database required") }
        self.sql = sql
    }

    package var isSQLite: Bool { sql.dialect.name == "sqlite" }

    package struct UnknownColumnType: Error, CustomStringConvertible {
        package let table: String, column: String, type: String
        package var description: String { "Spalte \(table).\(column) hat einen unbekannten Typ (\(type))." }
    }

    /// Every table of the application with its columns; Fluent's migration log and the change
    /// counters of the public pages, the reports and the personal pages (bookkeeping that triggers keep) are left out.
    /// `derived` names tables a feature rebuilds from others (`DumpTreatment.rebuilt`); they are left
    /// out, as are SQLite's virtual tables and their shadow tables (full-text indexes), which only
    /// their module may write.
    package func catalogue(leaving derived: Set<String> = []) async throws -> [String: [TableColumn]] {
        struct Row: Decodable { let tableName: String; let columnName: String; let type: String }
        let rows: [Row] =
            isSQLite
            ? try await sql.raw(
                """
                SELECT m.name AS table_name, p.name AS column_name, p.type AS type
                FROM pragma_table_list m JOIN pragma_table_info(m.name) p
                WHERE m.type = 'table' AND m.schema = 'main' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT IN (\(bookkeepingList))
                ORDER BY m.name, p.cid
                """
            ).all(decoding: Row.self, with: .snakeCaseColumns)
            : try await sql.raw(
                """
                SELECT table_name, column_name, data_type AS type FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name NOT IN (\(bookkeepingList))
                ORDER BY table_name, ordinal_position
                """
            ).all(decoding: Row.self, with: .snakeCaseColumns)
        var tables: [String: [TableColumn]] = [:]
        for row in rows where !derived.contains(row.tableName) {
            guard let kind = isSQLite ? ColumnKind(sqliteType: row.type) : ColumnKind(postgresType: row.type) else {
                throw UnknownColumnType(table: row.tableName, column: row.columnName, type: row.type)
            }
            tables[row.tableName, default: []].append(TableColumn(name: row.columnName, kind: kind))
        }
        return tables
    }

    /// Tables ordered so that each comes after the tables its foreign keys point to: the order to
    /// fill an empty database in (and, reversed, to empty one).
    package func dependencyOrder(of tables: [String]) async throws -> [String] {
        struct Reference: Decodable { let tableName: String; let referenced: String }
        let references: [Reference] =
            isSQLite
            ? try await sql.raw(
                """
                SELECT m.name AS table_name, f."table" AS referenced FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f
                WHERE m.type = 'table'
                """
            ).all(decoding: Reference.self, with: .snakeCaseColumns)
            : try await sql.raw(
                """
                SELECT tc.table_name, ccu.table_name AS referenced FROM information_schema.table_constraints tc
                JOIN information_schema.constraint_column_usage ccu
                  ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
                WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                """
            ).all(decoding: Reference.self, with: .snakeCaseColumns)
        var needs: [String: Set<String>] = [:]
        for reference in references where reference.tableName != reference.referenced {
            needs[reference.tableName, default: []].insert(reference.referenced)
        }
        var ordered: [String] = []
        var placed = Set<String>()
        var remaining = tables.sorted()
        while !remaining.isEmpty {
            let ready = remaining.filter { needs[$0, default: []].subtracting(placed).intersection(tables).isEmpty }
            // A cycle cannot come from Fluent's migrations; should one appear, keep going in name order.
            let next = ready.isEmpty ? [remaining[0]] : ready
            ordered += next
            placed.formUnion(next)
            remaining.removeAll { placed.contains($0) }
        }
        return ordered
    }

    /// The rows of `table`, optionally only those where `column` holds `value`.
    package func rows(of table: String, columns: [TableColumn], where column: String? = nil, is value: CellValue? = nil) async throws -> [[CellValue]] {
        var select = sql.select().from(SQLIdentifier(table))
        for column in columns { select = select.column(SQLIdentifier(column.name)) }
        if let column, let value { select = select.where(SQLIdentifier(column), .equal, Self.bind(value, as: nil)) }
        return try await select.all().map { row in try columns.map { try Self.read($0, from: row) } }
    }

    /// Inserts `rows` (in the order of `columns`) in batches that stay below both databases' limit on parameters.
    package func insert(into table: String, columns: [TableColumn], rows: [[CellValue]]) async throws {
        guard !rows.isEmpty else { return }
        let batch = max(1, 30_000 / max(columns.count, 1) / 10)
        for start in stride(from: 0, to: rows.count, by: batch) {
            var insert = sql.insert(into: SQLIdentifier(table)).columns(columns.map { SQLIdentifier($0.name) })
            for row in rows[start..<min(start + batch, rows.count)] {
                insert = insert.values(zip(columns, row).map { column, value in Self.bind(value, as: column.kind) })
            }
            try await insert.run()
        }
    }

    package static func read(_ column: TableColumn, from row: any SQLRow) throws -> CellValue {
        if try row.decodeNil(column: column.name) { return .null }
        switch column.kind {
        case .uuid: return .uuid(try row.decode(column: column.name, as: UUID.self))
        case .text: return .text(try row.decode(column: column.name, as: String.self))
        case .int: return .int(try row.decode(column: column.name, as: Int.self))
        case .bool: return .bool(try row.decode(column: column.name, as: Bool.self))
        case .double: return .double(try row.decode(column: column.name, as: Double.self))
        case .date: return .date(try row.decode(column: column.name, as: Date.self))
        case .bytes: return .bytes(try row.decode(column: column.name, as: Data.self))
        }
    }

    /// The value as a parameter for a column of `kind`: booleans and integers convert into each other,
    /// since SQLite has no boolean type.
    package static func bind(_ value: CellValue, as kind: ColumnKind?) -> any SQLExpression {
        switch value {
        case .null: return SQLLiteral.null
        case .uuid(let uuid): return SQLBind(uuid)
        case .text(let text): return SQLBind(text)
        case .int(let int): return kind == .bool ? SQLBind(int != 0) : SQLBind(int)
        case .bool(let bool): return kind == .int ? SQLBind(bool ? 1 : 0) : SQLBind(bool)
        case .double(let double): return SQLBind(double)
        case .date(let date): return SQLBind(date)
        case .bytes(let data): return SQLBind(data)
        }
    }
}

extension TableRows {
    package func count(of table: String) async throws -> Int {
        struct Count: Decodable { let count: Int }
        return try await sql.raw("SELECT COUNT(*) AS count FROM \(ident: table)").first(decoding: Count.self)?.count ?? 0
    }

    /// Hands each row to `handle` as it arrives, without holding the table in memory; returns how many there were.
    package func eachRow(of table: String, columns: [TableColumn], _ handle: @escaping @Sendable ([CellValue]) throws -> Void) async throws -> Int {
        final class Progress: @unchecked Sendable {
            // SQLKit calls the handler for one row after another, never at once.
            var count = 0
            var failure: (any Error)?
        }
        let progress = Progress()
        var select = sql.select().from(SQLIdentifier(table))
        for column in columns { select = select.column(SQLIdentifier(column.name)) }
        try await select.run { row in
            guard progress.failure == nil else { return }
            do {
                try handle(try columns.map { try Self.read($0, from: row) })
                progress.count += 1
            } catch {
                progress.failure = error
            }
        }
        if let failure = progress.failure { throw failure }
        return progress.count
    }
}
