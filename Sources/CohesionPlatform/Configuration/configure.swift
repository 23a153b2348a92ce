import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import SQLKit
import Vapor

/// Sets up the application exactly as it runs, for production and tests alike, with the features
/// the app lists (`features`): their routes, commands, workers and the rest of their manifests.
package func configure(_ app: Application, config: AppConfig, features: FeatureCatalog) async throws {
    app.features = features
    var postgresCore: PostgresConnection.Configuration?
    // Each event loop has a pool of its own.
    let eventLoops = Array(app.eventLoopGroup.makeIterator()).count
    let metrics = AppMetrics(databaseConnections: config.databasePoolSize * eventLoops)
    switch config.database {
    case .sqlite(let path):
        app.databases.use(
            .sqlite(
                .file(path), maxConnectionsPerEventLoop: config.databasePoolSize,
                connectionPoolTimeout: .seconds(Int64(config.databasePoolWait)),
                dataEncoder: .init(), dataDecoder: .init(), sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url, let schema):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema { postgres.searchPath = [schema] }
        postgresCore = postgres.coreConfiguration
        app.databases.use(
            .postgres(
                configuration: postgres, maxConnectionsPerEventLoop: config.databasePoolSize,
                connectionPoolTimeout: .seconds(Int64(config.databasePoolWait))), as: .psql)
    }

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    let dummyHash = try app.password.hash("no account has this password")
    app.cohesion = CohesionServices(
        config: config, metrics: metrics, mailer: Mailer(config: config), dummyPasswordHash: dummyHash,
        apiLimiter: RateLimiter(perMinute: config.apiRateLimit), admission: RequestAdmission(limit: config.maxRequestsInside))

    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"

    app.answerKeptPublicPagesFirst()
    app.middleware = Middlewares()
    // Debug, not info: a line per request costs more than a cached page (LOG_LEVEL=debug shows them).
    // Vapor's, built on futures: it runs on the event loop, outside the group below.
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    var middleware: [any AsyncMiddleware] = []
    // First: a public page answered from memory needs none of what follows.
    middleware.append(PublicPageCacheMiddleware(cache: app.cohesion.publicPages, metrics: app.cohesion.metrics))
    if Environment.get("COUNT_STATEMENTS") == "1" { middleware.append(StatementCountMiddleware()) }
    middleware.append(SecurityHeadersMiddleware())
    middleware.append(MetricsMiddleware(metrics: app.cohesion.metrics))
    middleware.append(ErrorPageMiddleware())
    middleware.append(ETagMiddleware())
    middleware.append(SessionMiddleware())
    app.middleware.use(AsyncMiddlewareGroup(middleware))

    app.asyncCommands.register(
        await app.servers.asyncCommand, as: "serve",
        help: "Startet den Webserver (Adresse und Port aus HOST und PORT oder --hostname und --port).", isDefault: true)
    if let routesCommand = app.asyncCommands.commands["routes"] as? RoutesCommand {
        app.asyncCommands.register(routesCommand, as: "routes", help: "Listet alle Routen der Anwendung mit Methode und Pfad.")
    }
    for command in features.all.flatMap({ $0.commands }) { command.register(&app.asyncCommands) }

    // Background work belongs to `serve` (the default command): a backup or an import must not
    // also send mail or erase people.
    // Help and wrong usage start nothing (`CommandInvocation`).
    let invocation = try? CommandInvocation.read(app.environment.commandInput, commands: app.asyncCommands)
    let serves = invocation?.runsServer == true
    if app.environment != .testing, serves {
        for worker in features.all.flatMap({ $0.workers }) { app.lifecycle.use(worker) }
    }
    if case .postgres = config.database, let core = postgresCore, app.environment == .testing || serves {
        app.lifecycle.use(PublicRevisionListener(configuration: core, cache: app.cohesion.publicPages))
    }

    // The one route table: each feature registers its routes, then the app refuses to start if
    // any route came without an access rule.
    for feature in features.all {
        let before = app.routes.all.count
        try feature.register(on: app, app: app)
        for route in app.routes.all[before...] { route.userInfo[Route.featureKey] = String(describing: feature) }
    }
    try AccessRule.requireRules(on: app.routes)
    app.markPublicCacheRoutes(features.all.flatMap { $0.publicCacheRoutes })
}

/// What the database needs before the first migration: WAL for an SQLite file (a property of the
/// file, so once is enough; waiting for a lock needs no setting, SQLiteNIO installs a busy
/// handler), and the configured schema on PostgreSQL. Not part of `configure`, which opens nothing,
/// so that `--help` leaves no file behind.
package func prepareDatabase(_ app: Application, config: AppConfig) async throws {
    switch config.database {
    case .sqlite:
        try await app.sql.raw("PRAGMA journal_mode=WAL").run()
    case .postgres(_, let schema?):
        try await app.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    case .postgres:
        break
    }
}

extension Application {
    package var sql: any SQLDatabase { db.sql }
}

extension Database {
    /// The same database for SQL, also inside a transaction. Both drivers Cohesion supports
    /// (SQLite, PostgreSQL) are SQL databases, so this is the one place that casts, and it cannot fail.
    package var sql: any SQLDatabase { self as! any SQLDatabase }
}
