import Fluent
import Vapor

/// `cohesion backup FILE`: a consistent copy of the whole site while the server runs.
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Zieldatei, zum Beispiel cohesion-2026-12-01.jsonl") var file: String
    }

    var help: String { "Sichert die ganze Datenbank in eine Datei, auch während der Server läuft." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await SiteTransfer.write(.backup, to: signature.file, context: context)
    }
}

/// `cohesion restore FILE`: brings a backup back into an empty database.
struct RestoreCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Datei aus cohesion backup") var file: String
    }

    var help: String { "Spielt eine Sicherung in eine leere Datenbank ein." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await SiteTransfer.read(signature.file, context: context)
    }
}

/// `cohesion export FILE`: the site without its sessions, to move it to another database (SQLite ↔ PostgreSQL).
struct ExportSiteCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Zieldatei") var file: String
    }

    var help: String { "Exportiert die Website ohne Sitzungen, zum Umzug zwischen SQLite und PostgreSQL." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await SiteTransfer.write(.export, to: signature.file, context: context)
    }
}

/// `cohesion import FILE`: fills an empty database from `cohesion export` (or a backup).
struct ImportSiteCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "Datei aus cohesion export") var file: String
    }

    var help: String { "Importiert eine exportierte Website in eine leere Datenbank." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await SiteTransfer.read(signature.file, context: context)
    }
}

/// What the four commands share: the call and the one line they print.
enum SiteTransfer {
    static func write(_ purpose: SiteDump.Purpose, to file: String, context: CommandContext) async throws {
        let app = context.application
        do {
            let summary = try await SiteDump.write(purpose, from: app.db, to: file, now: app.cohesion.clock.now())
            context.console.print("\(file): \(summary.tables) Tabellen, \(summary.rows) Zeilen gesichert.")
        } catch let refused as SiteDump.Refused {
            throw CommandFailure(description: refused.description)
        }
    }

    static func read(_ file: String, context: CommandContext) async throws {
        do {
            let (header, summary) = try await SiteDump.read(file, into: context.application.db)
            context.console.print("\(file) (\(header.purpose == .backup ? "Sicherung" : "Export") aus \(header.database) vom "
                                  + "\(header.created.formatted(.iso8601))): \(summary.tables) Tabellen, \(summary.rows) Zeilen eingespielt.")
        } catch let refused as SiteDump.Refused {
            throw CommandFailure(description: refused.description)
        }
    }
}
