import Fluent
import Vapor

/// `cohesion backup FILE` and `restore FILE` (the whole site, for disaster recovery), `export FILE`
/// and `import FILE` (without sessions, to move between SQLite and PostgreSQL): one command each,
/// the same file format.
package struct SiteFileCommand: AsyncCommand {
    package enum Direction: Sendable {
        case write(SiteDump.Purpose)
        case read
    }

    package struct Signature: CommandSignature {

        package init() {}
        @Argument(name: "file", help: "Datei, zum Beispiel cohesion-2026-12-01.jsonl") package var file: String
    }

    package let direction: Direction
    package let help: String

    package static let backup = SiteFileCommand(direction: .write(.backup), help: "Sichert die ganze Datenbank in eine Datei, auch während der Server läuft.")
    package static let restore = SiteFileCommand(direction: .read, help: "Spielt eine Sicherung in eine leere Datenbank ein.")
    package static let export = SiteFileCommand(
        direction: .write(.export), help: "Exportiert die Website ohne Sitzungen, zum Umzug zwischen SQLite und PostgreSQL.")
    package static let `import` = SiteFileCommand(direction: .read, help: "Importiert eine exportierte Website (oder eine Sicherung) in eine leere Datenbank.")

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let file = signature.file
        do {
            switch direction {
            case .write(let purpose):
                let summary = try await SiteDump.write(purpose, from: app.db, to: file, now: app.cohesion.clock.now(), treatments: app.features.dumpTreatments)
                context.console.print("\(file): \(summary.tables) Tabellen, \(summary.rows) Zeilen gesichert.")
            case .read:
                let (header, summary) = try await SiteDump.read(file, into: app.db, treatments: app.features.dumpTreatments)
                context.console.print(
                    "\(file) (\(header.purpose == .backup ? "Sicherung" : "Export") aus \(header.database) vom "
                        + "\(header.created.formatted(.iso8601))): \(summary.tables) Tabellen, \(summary.rows) Zeilen eingespielt.")
            }
        } catch let refused as SiteDump.Refused {
            throw CommandFailure(description: refused.description)
        }
    }
}
