import ConsoleKit
import Vapor

/// What the command line asks for, found before anything is opened: help (printed by ConsoleKit,
/// and needing no database), or a command whose options have already been checked. So `--help`
/// and wrong usage create no database file, run no migration and log nothing.
enum CommandInvocation: Equatable {
    case help
    case run(command: String)

    static let defaultCommand = "serve"
    /// ConsoleKit's global flags that print help (or completions) instead of running anything.
    static let helpFlags: Set<String> = ["--help", "-h", "--autocomplete"]

    /// Mirrors ConsoleKit: its global flags first, then the first argument names the command.
    static func read(_ input: CommandInput, commands: AsyncCommands) throws -> CommandInvocation {
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
    var needsDatabase: Bool {
        if case .run(let command) = self { return command != "routes" }
        return false
    }

    var runsServer: Bool { self == .run(command: Self.defaultCommand) }
}

/// A command whose options can be checked without running it.
protocol UsageChecking {
    func checkUsage(_ input: CommandInput) throws
}

extension AsyncCommand {
    /// The same parse ConsoleKit does before `run`, on a copy of the input.
    func checkUsage(_ input: CommandInput) throws {
        var input = input
        _ = try Signature(from: &input)
        guard input.arguments.isEmpty else { throw CommandError.unknownInput(input.arguments.joined(separator: " ")) }
    }
}

/// A command as `cohesion` registers it: its options can be checked before it runs, and Vapor's
/// own commands (`serve`, `routes`) get their help in German like every other one.
struct RegisteredCommand<Inner: AsyncCommand>: AsyncCommand, UsageChecking {
    typealias Signature = Inner.Signature
    let inner: Inner
    let help: String

    init(_ inner: Inner, help: String? = nil) {
        self.inner = inner
        self.help = help ?? inner.help
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await inner.run(using: context, signature: signature)
    }
}

extension AsyncCommands {
    /// Registers a command so that `CommandInvocation` can check its options first.
    mutating func register<C: AsyncCommand>(_ command: C, as name: String, help: String? = nil, isDefault: Bool = false) {
        use(RegisteredCommand(command, help: help), as: name, isDefault: isDefault)
    }
}
