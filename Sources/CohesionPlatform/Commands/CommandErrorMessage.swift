import ConsoleKit
import Foundation
import PostgresNIO
import SQLiteNIO

/// What an operator reads when a command fails: one German line and the exit status scripts
/// expect (1 for a failure, 2 for wrong usage), never a crash report.
package struct CommandErrorMessage: Equatable {
    package let text: String
    package let status: Int32

    package static let failure: Int32 = 1
    package static let usage: Int32 = 2

    package init(text: String, status: Int32) {
        self.text = text
        self.status = status
    }

    package init(_ error: any Error) {
        switch error {
        case let command as CommandError:
            self.init(text: Self.german(command), status: Self.usage)
        case let failure as CommandFailure:
            self.init(text: failure.description, status: Self.failure)
        case let invalid as UserAccounts.Invalid:
            self.init(text: "Das Konto wurde nicht angelegt:\n" + invalid.problems.map { "  " + $0 }.joined(separator: "\n"), status: Self.usage)
        case let invalid as AppConfig.Invalid:
            self.init(text: invalid.description, status: Self.usage)
        case let failed as SchemaMigrator.MigrationFailed:
            self.init(
                text: "Die Migration \(failed.name) ist fehlgeschlagen; das Schema ist so geblieben, wie es davor war.\n"
                    + Self.databaseText(failed.underlying), status: Self.failure)
        case is PSQLError, is SQLiteError:
            self.init(text: Self.databaseText(error), status: Self.failure)
        case let file as CocoaError where [.fileReadNoSuchFile, .fileNoSuchFile].contains(file.code):
            let path = (file.userInfo[NSFilePathErrorKey] as? String) ?? file.userInfo["NSURL"].map { "\($0)" } ?? ""
            self.init(text: "Datei nicht gefunden: \(path)", status: Self.failure)
        default:
            self.init(text: "Fehler: \(String(describing: error))", status: Self.failure)
        }
    }

    /// The database's own words: PostgreSQL's SQLSTATE and message (PostgresNIO's description hides
    /// them, so that they cannot leak to a web page; an operator needs them), or SQLite's message.
    package static func databaseText(_ error: any Error) -> String {
        if let postgres = error as? PSQLError {
            if let info = postgres.serverInfo, let message = info[.message] {
                let state = info[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                let detail = info[.detail].map { "\n  \($0)" } ?? ""
                return "Fehler der Datenbank PostgreSQL\(state): \(message)\(detail)"
            }
            let cause = postgres.underlying.map { ": \(String(describing: $0))" } ?? ""
            return "PostgreSQL nicht erreichbar (\(postgres.code))\(cause)"
        }
        if let sqlite = error as? SQLiteError {
            return "Fehler der Datenbank SQLite (\(sqlite.reason)): \(sqlite.message)"
        }
        return "Fehler: \(String(describing: error))"
    }

    private static let helpHint = "„cohesion --help“ zeigt alle Befehle, „cohesion BEFEHL --help“ ihre Angaben."

    package static func german(_ error: CommandError) -> String {
        switch error {
        case .missingCommand:
            "Kein Befehl angegeben. " + helpHint
        case .unknownCommand(let name, let available):
            "Unbekannter Befehl „\(name)“. Bekannt sind: \(available.sorted().joined(separator: ", ")). " + helpHint
        case .missingRequiredArgument(let name):
            "Es fehlt die Angabe „\(name)“. " + helpHint
        case .invalidArgumentType(let name, _), .invalidOptionType(let name, _):
            "Die Angabe „\(name)“ hat nicht die erwartete Form. " + helpHint
        case .unknownInput(let input):
            "Unbekannte Angabe „\(input)“. " + helpHint
        }
    }
}

/// A command that failed for a reason the operator can fix; printed without a stack of detail.
package struct CommandFailure: Error, CustomStringConvertible {
    package let description: String

    package init(description: String) {
        self.description = description
    }
}
