import Fluent
import Foundation
import Vapor

/// What `cohesion` runs: configure, bring the schema up to date, then the command
/// (`serve` by default). Every command finds the database migrated.
public enum Entrypoint {
    public static func run() async throws {
        var env = try Environment.detect()
        try LoggingSystem.bootstrap(from: &env)
        let config: AppConfig
        do {
            config = try AppConfig.fromEnvironment()
        } catch let invalid as AppConfig.Invalid {
            FileHandle.standardError.write(Data((invalid.description + "\n").utf8))
            exit(2)
        }
        let app = try await Application.make(env)
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            try await app.execute()
        } catch {
            app.logger.report(error: error)
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
