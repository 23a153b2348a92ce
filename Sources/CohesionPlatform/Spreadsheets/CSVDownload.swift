import CohesionCore
import Fluent
import SQLKit
import Vapor

/// Spreadsheet downloads. A whole programme's is sent while it is read: `produce` reads its rows a page at
/// a time from one consistent snapshot of the database and hands them to the sink, which passes
/// the bytes on every quarter megabyte. The first bytes leave after the first page, and the server
/// holds a page, not 100,000 rows and their 17 MB of text.
///
/// The status and headers leave before the rows are read: a failure on the way (the database
/// gone) breaks the download off, which the browser shows as failed, and the log says why.
package enum CSVDownload {
    /// Rows a paged export reads per statement.
    package static let pageSize = 2_000

    package struct Sink {
        /// Bytes gathered before they are handed to the connection.
        private static let chunkSize = 256 * 1024
        fileprivate let writer: any AsyncBodyStreamWriter
        fileprivate var bytes: [UInt8]

        package mutating func append(_ row: [String]) async throws {
            SpreadsheetCSV.append(row, to: &bytes)
            if bytes.count >= Self.chunkSize { try await flush() }
        }

        fileprivate mutating func flush() async throws {
            try await writer.writeBuffer(ByteBuffer(bytes: bytes))
            bytes.removeAll(keepingCapacity: true)
        }
    }

    package static func response(
        fileName: String, header: [String], on db: any Database,
        produce: @escaping @Sendable (any SQLDatabase, inout Sink) async throws -> Void
    ) -> Response {
        let logger = db.logger
        let body = Response.Body(managedAsyncStream: { writer in
            do {
                try await db.transaction { db in
                    guard let sql = db as? any SQLDatabase else { throw Abort(.internalServerError, reason: "SQL database required") }
                    // One snapshot for every page: SQLite's read transaction is one; PostgreSQL's default
                    // gives each statement its own, and a person renamed between two pages would be lost.
                    if sql.dialect.name != "sqlite" { try await sql.raw("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").run() }
                    var sink = Sink(writer: writer, bytes: SpreadsheetCSV.start(header: header))
                    try await produce(sql, &sink)
                    try await sink.flush()
                }
            } catch {
                logger.error("CSV download broken off", metadata: ["file": .string(fileName), "error": .string(String(describing: error))])
                throw error
            }
        })
        return Response(status: .ok, headers: headers(fileName), body: body)
    }

    /// A small spreadsheet built at once (a report's sums, one person's network).
    package static func response(fileName: String, header: [String], rows: [[String]]) -> Response {
        Response(status: .ok, headers: headers(fileName), body: .init(data: Data(SpreadsheetCSV.render(header: header, rows: rows))))
    }

    private static func headers(_ fileName: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: "text/csv; charset=utf-8")
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(fileName)\"")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return headers
    }
}
