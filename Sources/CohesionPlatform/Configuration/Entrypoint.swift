import Fluent
import Foundation
import Vapor

/// What `cohesion` runs: read the command line, configure (which opens nothing), bring the
/// schema up to date when the command works on the database, then the command (`serve` by
/// default). `--help` and wrong usage touch no database and log nothing. A failing command prints
/// one German line to standard error and exits with 1 (2 for wrong usage).
package enum Entrypoint {
    package static func run(features: FeatureCatalog) async {
        do {
            var env = try Environment.detect()
            // Usage lines name the command as operators type it, not the build folder it lies in.
            env.commandInput.executablePath = ["cohesion"]
            quietUnlessServing(&env.commandInput)
            if ProcessInfo.processInfo.environment["LOG_FORMAT"] == "json" {
                try LoggingSystem.bootstrap(from: &env) { level in { label in JSONLogHandler(label: label, logLevel: level) } }
            } else {
                try LoggingSystem.bootstrap(from: &env)
            }
            let config = try AppConfig.fromEnvironment()
            let app = try await Application.make(env)
            do {
                try await configure(app, config: config, features: features)
                let invocation = try CommandInvocation.read(app.environment.commandInput, commands: app.asyncCommands)
                if invocation.needsDatabase { try await MigrationLock.migrate(app, config: config) }
                // Vapor's serve command stops gracefully on SIGTERM and SIGINT through dispatch signal
                // sources, but sets the signals to be ignored only on macOS; on Linux the default action
                // would end the process first, dropping requests in flight.
                if invocation.runsServer {
                    signal(SIGTERM, SIG_IGN)
                    signal(SIGINT, SIG_IGN)
                }
                // Not `execute()`: it would log the error before we print it, so it would appear twice.
                try await app.startup()
                try await app.running?.onStop.get()
                // Drain first: requests in flight finish (up to ten seconds) while the database pools are
                // still open. Vapor's own shutdown closes its services in no fixed order.
                await app.server.shutdown()
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

    /// Commands other than `serve` log warnings and errors only, unless `--log` or `LOG_LEVEL`
    /// asks for more: an operator running `cohesion migrate` wants the result, not each statement.
    package static func quietUnlessServing(_ input: inout CommandInput) {
        let arguments = input.arguments
        let asked = arguments.contains("--log") || ProcessInfo.processInfo.environment["LOG_LEVEL"] != nil
        let command = arguments.first { !$0.hasPrefix("-") }
        let serving = (command == nil || command == CommandInvocation.defaultCommand) && !arguments.contains(where: CommandInvocation.helpFlags.contains)
        if !asked && !serving { input.arguments += ["--log", "warning"] }
    }
}
