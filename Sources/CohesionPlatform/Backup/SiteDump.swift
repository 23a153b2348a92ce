import Fluent
import Foundation
import SQLKit

/// A whole site as one portable file: backups (`cohesion backup`/`restore`) and moves between
/// SQLite and PostgreSQL (`cohesion export`/`import`). JSON lines: a header, then per table a line
/// with its columns and one line per row, tables in an order their foreign keys allow.
///
/// Written here rather than with `pg_dump` or SQLite's backup API because it must read on either
/// database what the other wrote; both databases' own tools write only their own format.
package enum SiteDump {
    package static let format = "cohesion-site"
    package static let version = 1

    package enum Purpose: String, Codable, Sendable {
        /// Everything, sessions included: the site as it was.
        case backup
        /// Everything but what belongs to the running server (sessions, sign-in attempts, as the
        /// features declare them: `DumpTreatment.notExported`): after a move everyone signs in again.
        case export
    }

    package struct Header: Codable, Sendable {
        package let format: String
        package let version: Int
        package let purpose: Purpose
        package let created: Date
        package let database: String
        package let migrations: [String]
    }

    package struct TableHeader: Codable, Sendable {
        package let table: String
        package let columns: [TableColumn]
        package let rows: Int
    }

    package struct Summary: Codable, Sendable, Equatable {
        package var tables = 0
        package var rows = 0
    }

    /// The last line: a file without it was cut off, even exactly between two tables.
    package struct Trailer: Codable, Sendable {
        package let end: Summary
    }

    package struct Refused: Error, CustomStringConvertible {
        package let description: String
    }

    package static func migrations(on sql: any SQLDatabase) async throws -> [String] {
        struct Row: Decodable { let name: String }
        return try await sql.raw("SELECT name FROM _fluent_migrations ORDER BY name").all(decoding: Row.self).map(\.name)
    }
}
