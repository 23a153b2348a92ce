import Fluent
import Foundation
import SQLKit

/// A whole site as one portable file: backups (`cohesion backup`/`restore`) and moves between
/// SQLite and PostgreSQL (`cohesion export`/`import`). JSON lines: a header, then per table a line
/// with its columns and one line per row, tables in an order their foreign keys allow.
///
/// Written here rather than with `pg_dump` or SQLite's backup API because it must read on either
/// database what the other wrote; both databases' own tools write only their own format.
enum SiteDump {
    static let format = "cohesion-site"
    static let version = 1

    enum Purpose: String, Codable, Sendable {
        /// Everything, sessions included: the site as it was.
        case backup
        /// Everything but what belongs to the running server (sessions, sign-in attempts): after
        /// a move everyone signs in again.
        case export

        var leftOut: Set<String> {
            switch self {
            case .backup: []
            case .export: [WebSession.schema, LoginAttempt.schema]
            }
        }
    }

    struct Header: Codable, Sendable {
        let format: String
        let version: Int
        let purpose: Purpose
        let created: Date
        let database: String
        let migrations: [String]
    }

    struct TableHeader: Codable, Sendable {
        let table: String
        let columns: [TableColumn]
        let rows: Int
    }

    struct Summary: Codable, Sendable, Equatable {
        var tables = 0
        var rows = 0
    }

    /// The last line: a file without it was cut off, even exactly between two tables.
    struct Trailer: Codable, Sendable {
        let end: Summary
    }

    struct Refused: Error, CustomStringConvertible {
        let description: String
    }

    static func migrations(on sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let name: String }
        return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY name").all(decoding: Row.self).map(\.name)
    }
}
