import CohesionPlatform
import Foundation
import Testing

@testable import CohesionApp

/// The `cohesion` executable as an operator meets it: one German line on standard error and the
/// exit status scripts expect, never a crash report.
@Suite("The command line", .serialized)
struct CommandLineTests {
    struct Outcome { let status: Int32; let output: String; let errors: String }

    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(".build/debug/cohesion")

    static func run(_ arguments: [String]) throws -> Outcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        environment["COHESION_DB"] = directory.appendingPathComponent("cli.sqlite").path
        environment["MAIL_DIR"] = directory.appendingPathComponent("mail").path
        environment.removeValue(forKey: "DATABASE_URL")
        return try run(arguments + ["--log", "warning"], environment: environment, in: nil)
    }

    /// Runs `cohesion` with exactly these arguments and environment, in `directory` if given.
    static func run(_ arguments: [String], environment: [String: String], in directory: URL?) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), errors: String(decoding: err, as: UTF8.self))
    }

    @Test("an unknown command is named once in German, with status 2")
    func unknownCommand() throws {
        let outcome = try Self.run(["frobnicate"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix("Unbekannter Befehl „frobnicate“."))
        #expect(outcome.errors.components(separatedBy: "frobnicate").count == 2, "the message appears once: \(outcome.errors)")
        #expect(!outcome.errors.contains("Fatal error") && !outcome.errors.contains("Backtrace"))
    }

    @Test("rotate-signing-key makes a new badge key and names where the keys are published")
    func rotateSigningKey() throws {
        let outcome = try Self.run(["rotate-signing-key"])
        #expect(outcome.status == 0)
        #expect(outcome.output.hasPrefix("Neuer Signaturschlüssel ") && outcome.output.contains("Veröffentlicht sind 1 Schlüssel: http"))
        #expect(outcome.output.hasSuffix("/.well-known/jwks.json\n"))
    }

    @Test("an unknown option is wrong usage: status 2")
    func unknownOption() throws {
        let outcome = try Self.run(["create-user", "--unbekannt"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.hasPrefix("Unbekannte Angabe „--unbekannt“."))
    }

    @Test("create-user refuses a name with a line break: it would reach mail headers and the log")
    func nameOnOneLine() throws {
        let outcome = try Self.run(["create-user", "--email", "anna@kommune.de", "--name", "Anna\nBcc: spion@example.org", "--role", "participant"])
        #expect(outcome.status == 2)
        #expect(outcome.errors.contains("--name: Bitte in einer Zeile eingeben, ohne Zeilenumbruch."), "\(outcome.errors)")
    }

    @Test("a file that is not there, or of an unknown kind, fails with status 1 and one line naming it")
    func badFiles() throws {
        let missing = try Self.run(["import-municipalities", "/gibt/es/nicht.csv"])
        #expect(missing.status == 1)
        #expect(missing.errors == "Datei nicht lesbar: /gibt/es/nicht.csv\n")
        let unknown = try Self.run([
            "import-statistics",
            Self.executable.deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Package.swift").path,
        ])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("Zeile 1: unbekanntes Dateiformat"))
        #expect(unknown.errors.split(separator: "\n").count == 1)
    }

    @Test("--help lists every command in German")
    func help() throws {
        let outcome = try Self.run(["--help"])
        #expect(outcome.status == 0)
        for command in ["create-user", "import-municipalities", "import-statistics", "migrate", "seed-demo", "seed-load", "seed-scale", "serve"] {
            #expect(outcome.output.contains(command))
        }
        #expect(outcome.output.contains("Usage: cohesion <command>"))
        #expect(outcome.output.contains("Legt ein Konto an"))
    }

    @Test("backup writes a file and names what it holds; restore refuses what is not a backup; retention without a period says where to set one")
    func operations() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-cli-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let backup = try Self.run(["backup", file])
        #expect(backup.status == 0 && backup.output.hasPrefix("\(file): ") && backup.output.contains(" Tabellen, "))
        let again = try Self.run(["backup", file])
        #expect(again.status == 1 && again.errors == "Die Datei \(file) gibt es schon; bitte einen neuen Namen wählen.\n")
        let restored = try Self.run(["restore", file])
        #expect(restored.status == 0 && restored.output.contains("Sicherung aus sqlite"))
        let notABackup = try Self.run(["restore", #filePath])
        #expect(notABackup.status == 1 && notABackup.errors == "\(#filePath) ist keine Sicherung von Cohesion.\n")
        let retention = try Self.run(["retention", "--dry-run"])
        #expect(retention.status == 1 && retention.errors.hasPrefix("Keine Aufbewahrungsfrist eingestellt."))
    }
}

/// Help and wrong usage, as a new operator tries them in an empty folder.
@Suite("Help in an empty folder", .serialized)
struct CommandHelpTests {
    /// Runs `cohesion` in a new empty folder with no database configured; returns what it printed and what it left there.
    static func runInEmptyFolder(_ arguments: [String]) throws -> (outcome: CommandLineTests.Outcome, left: [String]) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var environment = ProcessInfo.processInfo.environment
        for key in ["COHESION_DB", "DATABASE_URL", "MAIL_DIR", "LOG_LEVEL"] { environment.removeValue(forKey: key) }
        let outcome = try CommandLineTests.run(arguments, environment: environment, in: directory)
        return (outcome, try FileManager.default.contentsOfDirectory(atPath: directory.path))
    }

    @Test("cohesion --help lists the commands in German and creates nothing", arguments: [["--help"], ["-h"]])
    func help(arguments: [String]) throws {
        let (outcome, left) = try Self.runInEmptyFolder(arguments)
        #expect(outcome.status == 0 && left.isEmpty, "left \(left)")
        #expect(outcome.errors.isEmpty, "nothing logged: \(outcome.errors)")
        #expect(outcome.output.contains("Startet den Webserver") && outcome.output.contains("Listet alle Routen"))
        #expect(outcome.output.contains("Bringt das Datenbankschema auf den neuesten Stand."))
        #expect(!outcome.output.contains("[ INFO ]") && !outcome.output.contains("Migration"), "\(outcome.output)")
    }

    @Test(
        "cohesion COMMAND --help shows that command's options and creates nothing",
        arguments: ["create-api-token", "migrate", "serve", "routes", "seed-demo", "backup"])
    func commandHelp(command: String) throws {
        let (outcome, left) = try Self.runInEmptyFolder([command, "--help"])
        #expect(outcome.status == 0 && left.isEmpty, "\(command): left \(left)")
        #expect(outcome.errors.isEmpty, "\(command): \(outcome.errors)")
        #expect(outcome.output.hasPrefix("Usage: cohesion \(command)"), "\(outcome.output)")
    }

    @Test("wrong usage is refused before anything is opened: status 2, one German line, nothing created")
    func wrongUsage() throws {
        for arguments in [["create-user", "--unbekannt"], ["frobnicate"], ["migrate", "zuviel"]] {
            let (outcome, left) = try Self.runInEmptyFolder(arguments)
            #expect(outcome.status == 2 && left.isEmpty, "\(arguments): \(outcome.status), left \(left)")
            #expect(outcome.errors.split(separator: "\n").count == 1 && outcome.output.isEmpty, "\(arguments): \(outcome.errors)")
        }
    }

    @Test("a command logs warnings only unless asked: migrate in an empty folder prints its one result line")
    func quietCommands() throws {
        let (outcome, left) = try Self.runInEmptyFolder(["migrate"])
        #expect(outcome.status == 0 && left.contains("cohesion.sqlite"))
        #expect(
            outcome.output == "Datenbank ist auf dem neuesten Stand (\(FeatureCatalog.cohesion.migrations.count) Migrationen angewendet).\n",
            "\(outcome.output)")
        #expect(outcome.errors.isEmpty, "\(outcome.errors)")
    }
}
