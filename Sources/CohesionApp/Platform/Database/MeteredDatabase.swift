import FluentKit
import Logging
import NIOCore
import SQLKit

/// Wraps a database configuration so that `/metrics` can tell how busy the connection pool is.
/// AsyncKit's pool keeps its figures private, so the pool-level database every request gets is
/// wrapped instead: each call that takes a connection from the pool (a statement, a transaction,
/// a held connection) counts as in flight from asking for the connection until giving it back.
/// What runs inside a transaction or a held connection uses the driver's own connection-bound
/// database and is not counted again.
struct MeteredDatabaseConfiguration: DatabaseConfiguration {
    var wrapped: any DatabaseConfiguration
    let meter: DatabasePoolMeter

    var middleware: [any AnyModelMiddleware] {
        get { wrapped.middleware }
        set { wrapped.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        MeteredDriver(wrapped: wrapped.makeDriver(for: databases), meter: meter)
    }
}

extension DatabaseConfigurationFactory {
    func metered(by meter: DatabasePoolMeter) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { MeteredDatabaseConfiguration(wrapped: make(), meter: meter) }
    }
}

private struct MeteredDriver: DatabaseDriver {
    let wrapped: any DatabaseDriver
    let meter: DatabasePoolMeter

    func makeDatabase(with context: DatabaseContext) -> any Database {
        let database = wrapped.makeDatabase(with: context)
        // Both drivers Cohesion uses speak SQL; anything else is handed out unmetered rather than half-wrapped.
        guard let sql = database as? any SQLDatabase else { return database }
        return MeteredDatabase(database: database, sql: sql, meter: meter)
    }

    func shutdown() { wrapped.shutdown() }
    func shutdownAsync() async { await wrapped.shutdownAsync() }
}

private struct MeteredDatabase: Database, SQLDatabase {
    let database: any Database
    let sql: any SQLDatabase
    let meter: DatabasePoolMeter

    var context: DatabaseContext { database.context }
    var inTransaction: Bool { database.inTransaction }
    var logger: Logger { database.context.logger }
    var eventLoop: any EventLoop { database.context.eventLoop }
    var dialect: any SQLDialect { sql.dialect }
    var version: (any SQLDatabaseReportedVersion)? { sql.version }
    var queryLogLevel: Logger.Level? { sql.queryLogLevel }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        meter.counting { database.execute(query: query, onOutput: onOutput) }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        meter.counting { database.execute(schema: schema) }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        meter.counting { database.execute(enum: `enum`) }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        meter.counting { database.transaction(closure) }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        meter.counting { database.withConnection(closure) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        meter.counting { sql.execute(sql: query, onRow) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await meter.counting { try await sql.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await meter.counting { try await sql.withSession(closure) }
    }
}
