import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import NIOSSL
import Vapor

/// Sets up the application exactly as it runs, for production and tests alike.
public func configure(_ app: Application, config: AppConfig) async throws {
    var postgresCore: PostgresConnection.Configuration?
    // Each event loop has a pool of its own.
    let eventLoops = Array(app.eventLoopGroup.makeIterator()).count
    let metrics = AppMetrics(databaseConnections: config.databasePoolSize * eventLoops)
    switch config.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), maxConnectionsPerEventLoop: config.databasePoolSize,
                                  connectionPoolTimeout: .seconds(Int64(config.databasePoolWait)),
                                  dataEncoder: .init(), dataDecoder: .init(), sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url, let schema):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema { postgres.searchPath = [schema] }
        postgresCore = postgres.coreConfiguration
        app.databases.use(.postgres(configuration: postgres, maxConnectionsPerEventLoop: config.databasePoolSize,
                                    connectionPoolTimeout: .seconds(Int64(config.databasePoolWait))), as: .psql)
    }
    if case .sqlite = config.database, let sql = app.db as? any SQLDatabase {
        // WAL lets readers go on while a write commits; it is a property of the file, so once is enough.
        // Waiting for a lock needs no setting: SQLiteNIO installs a busy handler on every connection.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }
    if case .postgres(_, let schema?) = config.database, let sql = app.db as? any SQLDatabase {
        try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }
    app.migrations.add(Migrations.all)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    let dummyHash = try app.password.hash("no account has this password")
    app.cohesion = CohesionServices(config: config, metrics: metrics, mailer: Mailer(config: config), dummyPasswordHash: dummyHash,
                                    apiLimiter: RateLimiter(perMinute: config.apiRateLimit))

    app.http.server.configuration.hostname = config.host
    app.http.server.configuration.port = config.port
    app.routes.defaultMaxBodySize = "1mb"

    app.answerKeptPublicPagesFirst()
    app.middleware = Middlewares()
    // First: a public page answered from memory needs none of what follows.
    app.middleware.use(PublicPageCacheMiddleware(cache: app.cohesion.publicPages, metrics: app.cohesion.metrics))
    app.middleware.use(SecurityHeadersMiddleware())
    // Debug, not info: a line per request costs more than a cached page (LOG_LEVEL=debug shows them).
    app.middleware.use(RouteLoggingMiddleware(logLevel: .debug))
    app.middleware.use(MetricsMiddleware(metrics: app.cohesion.metrics))
    app.middleware.use(ErrorPageMiddleware())
    app.middleware.use(ETagMiddleware())
    app.middleware.use(SessionMiddleware())

    app.asyncCommands.use(MigrateDatabaseCommand(), as: "migrate")
    app.asyncCommands.use(CreateUserCommand(), as: "create-user")
    app.asyncCommands.use(SeedDemoCommand(), as: "seed-demo")
    app.asyncCommands.use(SeedLoadCommand(), as: "seed-load")
    app.asyncCommands.use(SeedScaleCommand(), as: "seed-scale")
    app.asyncCommands.use(SeedContentionCommand(), as: "seed-contention")
    app.asyncCommands.use(ImportMunicipalitiesCommand(), as: "import-municipalities")
    app.asyncCommands.use(ImportStatisticsCommand(), as: "import-statistics")
    app.asyncCommands.use(RotateSigningKeyCommand(), as: "rotate-signing-key")
    app.asyncCommands.use(CreateAPITokenCommand(), as: "create-api-token")
    app.asyncCommands.use(RetentionCommand(), as: "retention")
    app.asyncCommands.use(SiteFileCommand.backup, as: "backup")
    app.asyncCommands.use(SiteFileCommand.restore, as: "restore")
    app.asyncCommands.use(SiteFileCommand.export, as: "export")
    app.asyncCommands.use(SiteFileCommand.import, as: "import")

    // Background work belongs to `serve` (the default command): a backup or an import must not
    // also send mail or erase people.
    let command = app.environment.arguments.dropFirst().first { !$0.hasPrefix("-") }
    if app.environment != .testing, command == nil || command == "serve" {
        app.lifecycle.use(OutboxWorker.make())
        app.lifecycle.use(RetentionWorker.make())
    }
    if case .postgres = config.database, let core = postgresCore, app.environment == .testing || command == nil || command == "serve" {
        app.lifecycle.use(PublicRevisionListener(configuration: core, cache: app.cohesion.publicPages))
    }

    try routes(app)
    app.markPublicCacheRoutes([SiteURL.home, SiteURL.favicon, SiteURL.part(.key), SiteURL.partCalendar(.key), APIURL.programmes, APIURL.part(.key)])
}
