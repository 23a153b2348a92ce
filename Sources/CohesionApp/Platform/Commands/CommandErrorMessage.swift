import ConsoleKit
import Foundation

/// What an operator reads when a command fails: one German line and the exit status scripts
/// expect (1 for a failure, 2 for wrong usage), never a crash report.
struct CommandErrorMessage: Equatable {
    let text: String
    let status: Int32

    static let failure: Int32 = 1
    static let usage: Int32 = 2

    init(text: String, status: Int32) {
        self.text = text
        self.status = status
    }

    init(_ error: any Error) {
        switch error {
        case let command as CommandError:
            self.init(text: Self.german(command), status: Self.usage)
        case let failure as CommandFailure:
            self.init(text: failure.description, status: Self.failure)
        case let invalid as UserAccounts.Invalid:
            self.init(text: "Das Konto wurde nicht angelegt:\n" + invalid.problems.map { "  " + $0 }.joined(separator: "\n"), status: Self.usage)
        case let invalid as AppConfig.Invalid:
            self.init(text: invalid.description, status: Self.usage)
        case let file as CocoaError where [.fileReadNoSuchFile, .fileNoSuchFile].contains(file.code):
            let path = (file.userInfo[NSFilePathErrorKey] as? String) ?? file.userInfo["NSURL"].map { "\($0)" } ?? ""
            self.init(text: "Datei nicht gefunden: \(path)", status: Self.failure)
        default:
            self.init(text: "Fehler: \(String(describing: error))", status: Self.failure)
        }
    }

    private static let helpHint = "„cohesion --help“ zeigt alle Befehle, „cohesion BEFEHL --help“ ihre Angaben."

    static func german(_ error: CommandError) -> String {
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
