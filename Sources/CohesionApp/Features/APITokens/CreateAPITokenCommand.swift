import CohesionPlatform
import Fluent
import Vapor

/// `cohesion create-api-token --email … [--scope read|read-write] [--days N] [--name …]`: prints a new
/// token for an account, for scripts and for setting up an integration without the browser.
struct CreateAPITokenCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "E-Mail-Adresse des Kontos") var email: String?
        @Option(name: "scope", help: "read (Standard) oder read-write") var scope: String?
        @Option(name: "days", help: "Gültigkeit in Tagen, 1 bis 365 (Standard 30)") var days: Int?
        @Option(name: "name", help: "Name des Tokens (Standard: Kommandozeile)") var name: String?
    }

    var help: String { "Erzeugt ein API-Token für ein Konto und gibt es einmalig aus." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let email = (signature.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard let user = try await User.query(on: app.db).filter(\.$email == email).first() else {
            throw CommandFailure(description: email.isEmpty ? "Bitte --email angeben." : "Kein Konto mit der E-Mail-Adresse \(email).")
        }
        guard let scope = APIToken.Scope(rawValue: signature.scope ?? "read") else {
            throw CommandFailure(description: "--scope muss read oder read-write sein.")
        }
        let days = signature.days ?? 30
        guard (1...365).contains(days) else { throw CommandFailure(description: "--days muss zwischen 1 und 365 liegen.") }
        let secret = try await APIToken.make(
            for: try user.requireID(), name: signature.name ?? "Kommandozeile", scope: scope, days: days,
            now: app.cohesion.clock.now(), on: app.db)
        context.console.print(secret)
    }
}
