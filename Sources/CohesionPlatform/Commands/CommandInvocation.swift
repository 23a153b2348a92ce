import ConsoleKit
import Vapor

/// What the command line asks for, found before anything is opened: help (printed by ConsoleKit,
/// and needing no database), or a command whose options have already been checked. So `--help`
/// and wrong usage create no database file, run no migration and log nothing.
package enum CommandInvocation: Equatable {
    case help
    case run(command: String)

    package static let defaultCommand = "serve"
    /// ConsoleKit's global flags that print help (or completions) instead of running anything.
    package static let helpFlags: Set<String> = ["--help", "-h", "--autocomplete"]

    /// Mirrors ConsoleKit: its global flags first, then the first argument names the command.
    package static func read(_ input: CommandInput, commands: AsyncCommands) throws -> CommandInvocation {
        if input.arguments.contains(where: helpFlags.contains) { return .help }
        var rest = input
        let name = rest.arguments.isEmpty ? defaultCommand : rest.arguments.removeFirst()
        guard let command = commands.commands[name] else {
            throw CommandError.unknownCommand(name, available: Array(commands.commands.keys))
        }
        try (command as? any UsageChecking)?.checkUsage(rest)
        return .run(command: name)
    }

    /// Whether the command works on the database; `routes` only lists what `configure` set up.
    package var needsDatabase: Bool {
        if case .run(let command) = self { return command != "routes" }
        return false
    }

    package var runsServer: Bool { self == .run(command: Self.defaultCommand) }
}

/// A command whose options can be checked without running it.
package protocol UsageChecking {
    func checkUsage(_ input: CommandInput) throws
}

extension AsyncCommand {
    /// The same parse ConsoleKit does before `run`, on a copy of the input.
    package func checkUsage(_ input: CommandInput) throws {
        var input = input
        _ = try Signature(from: &input)
        guard input.arguments.isEmpty else { throw CommandError.unknownInput(input.arguments.joined(separator: " ")) }
    }
}

/// A command as `cohesion` registers it: its options can be checked before it runs, and Vapor's
/// own commands (`serve`, `routes`) get their help in German like every other one.
package struct RegisteredCommand<Inner: AsyncCommand>: AsyncCommand, UsageChecking {
    package typealias Signature = Inner.Signature
    package let inner: Inner
    package let help: String

    package init(_ inner: Inner, help: String? = nil) {
        self.inner = inner
        self.help = help ?? inner.help
    }

    package func run(using context: CommandContext, signature: Signature) async throws {
        try await inner.run(using: context, signature: signature)
    }
}

extension AsyncCommands {
    /// Registers a command so that `CommandInvocation` can check its options first.
    package mutating func register<C: AsyncCommand>(_ command: C, as name: String, help: String? = nil, isDefault: Bool = false) {
        use(RegisteredCommand(command, help: help), as: name, isDefault: isDefault)
    }
}
