import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// The schema of a database as lines of text, sorted, so two databases can be compared line by
/// line: tables with their columns, constraints, indexes, triggers and functions.
enum SchemaDescription {
    static func lines(of db: any Database) async throws -> [String] {
        let sql = db as! any SQLDatabase
        return sql.dialect.name == "sqlite" ? try await sqlite(sql) : try await postgres(sql)
    }

    /// SQLite keeps each object's statement as written; white space is folded.
    private static func sqlite(_ sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let type: String; let name: String; let sql: String? }
        let rows = try await sql.raw("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").all(decoding: Row.self)
        return rows.map { "\($0.type) \($0.name): \(fold($0.sql ?? ""))" }.sorted()
    }

    private static func postgres(_ sql: any SQLDatabase) async throws -> [String] {
        struct Line: Decodable { let line: String }
        let queries: [SQLQueryString] = [
            """
            SELECT 'column ' || table_name || '.' || column_name || ': ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
            FROM information_schema.columns WHERE table_schema = current_schema()
            """,
            """
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS line
            FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
            """,
            "SELECT 'index ' || tablename || ' ' || indexname || ': ' || indexdef AS line FROM pg_indexes WHERE schemaname = current_schema()",
            """
            SELECT 'trigger ' || c.relname || ' ' || t.tgname || ': ' || pg_get_triggerdef(t.oid) AS line
            FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
            """,
            "SELECT 'function ' || proname || ': ' || prosrc AS line FROM pg_proc WHERE pronamespace = current_schema()::regnamespace",
        ]
        var lines: [String] = []
        for query in queries {
            lines += try await sql.raw(query).all(decoding: Line.self).map { fold($0.line) }
        }
        return lines.sorted()
    }

    static func fold(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
