import Fluent
import Foundation
import Vapor

/// What `cohesion` runs: configure, bring the schema up to date, then the command
/// (`serve` by default). Every command finds the database migrated. A failing command prints
/// one German line to standard error and exits with 1 (2 for wrong usage).
public enum Entrypoint {
    public static func run() async {
        do {
            var env = try Environment.detect()
            // Usage lines name the command as operators type it, not the build folder it lies in.
            env.commandInput.executablePath = ["cohesion"]
            if ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json" {
                try LoggingSystem.bootstrap(from: &env) { level in { label in JSONLogHandler(label: label, logLevel: level) } }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
            let config = try AppConfig.fromEnvironment()
            let app = try await Application.make(env)
            do {
                try await configure(app, config: config)
                try await app.autoMigrate()
                // Not `execute()`: it would log the error before we print it, so it would appear twice.
                try await app.startup()
                try await app.running?.onStop.get()
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
            try await app.asyncShutdown()
        } catch {
            let message = CommandErrorMessage(error)
            FileHandle.standardError.write(Data((message.text + "\n").utf8))
            exit(message.status)
        }
    }
}
