import FluentSQLiteDriver
import SQLKit
import Synchronization

extension SQLDatabase {
    /// Every row of one statement, decoded, for reads of thousands of rows (the streamed downloads).
    ///
    /// On SQLite the rows are read through the connection's own query, which hands them over on the
    /// thread that steps the statement. The pooled path SQLKit takes gives each row to the event
    /// loop as a task of its own: a page of 2,000 rows was 2,000 hops between threads, and a
    /// profile of the participant export showed most of its time in threads waking up.
    /// PostgreSQL's rows arrive on the event loop already and take SQLKit's path.
    package func allRowsAtOnce<Row: Decodable>(_ query: SQLQueryString, decoding: Row.Type, with decoder: SQLRowDecoder) async throws -> [Row] {
        guard dialect.name == "sqlite", let sqlite = self as? any SQLiteDatabase else {
            return try await raw(query).all(decoding: Row.self, with: decoder)
        }
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let statement = serializer.sql
        // Logged as SQLKit logs its statements, so the statement counts of the tests and bench see it.
        if let level = queryLogLevel {
            logger.log(level: level, "Executing query", metadata: ["sql": .string(statement), "binds": .array(serializer.binds.map { .string("\($0)") })])
        }
        let rows = try await sqlite.withConnection { connection in
            let read = Mutex<[SQLiteRow]>([])
            try await connection.query(statement, binds) { row in read.withLock { $0.append(row) } }
            return read.withLock { $0 }
        }
        let values = SQLiteDataDecoder()
        return try rows.map { try decoder.decode(Row.self, from: $0.sql(decoder: values)) }
    }

    /// The rows of one statement a batch at a time through a cursor, inside the caller's
    /// transaction (PostgreSQL): one plan for every batch, and no more than a batch in memory.
    package func eachBatch<Row: Decodable>(
        of query: SQLQueryString, size: Int, decoding: Row.Type, with decoder: SQLRowDecoder, _ body: ([Row]) async throws -> Void
    ) async throws {
        try await raw("DECLARE cohesion_batches NO SCROLL CURSOR FOR \(query)").run()
        while true {
            let rows = try await raw("FETCH \(literal: size) FROM cohesion_batches").all(decoding: Row.self, with: decoder)
            if !rows.isEmpty { try await body(rows) }
            if rows.count < size { break }
        }
        try await raw("CLOSE cohesion_batches").run()
    }
}
