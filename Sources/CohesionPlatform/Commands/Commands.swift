import CohesionCore
import Fluent
import Vapor

/// `cohesion migrate [--yes]`: brings the schema up to date. Never asks: the entrypoint has
/// already migrated (each migration with its record in one transaction), so this reports what
/// the database holds.
package struct MigrateDatabaseCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        package init() {}
        @Flag(name: "yes", short: "y", help: "Accepted for scripts; nothing is asked in any case.")
        package var yes: Bool
    }

    package var help: String { "Bringt das Datenbankschema auf den neuesten Stand." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        let applied = try await context.application.db.query(MigrationLog.self).count()
        context.console.print("Datenbank ist auf dem neuesten Stand (\(applied) Migrationen angewendet).")
    }
}

/// `cohesion create-user --email … --name … --role …`: prints a one-time link to set the password.
package struct CreateUserCommand: AsyncCommand {
    package struct Signature: CommandSignature {
        package init() {}
        @Option(name: "email", help: "E-Mail-Adresse") package var email: String?
        @Option(name: "name", help: "Vollständiger Name") package var name: String?
        @Option(name: "role", help: "admin, lead, facilitator, participant oder partner") package var role: String?
    }

    package var help: String { "Legt ein Konto an und gibt einen einmaligen Link zum Setzen des Passworts aus." }

    package func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let link = try await UserAccounts.create(
            email: signature.email ?? "", name: signature.name ?? "", role: signature.role ?? "",
            services: app.cohesion, on: app.db)
        context.console.print("Konto angelegt. Einmaliger Link zum Setzen des Passworts (14 Tage gültig):")
        context.console.print(link)
    }
}

/// Creating accounts, shared by the command line and (later) the admin pages.
package enum UserAccounts {
    package struct Invalid: Error, CustomStringConvertible {
        package let problems: [String]
        package var description: String { problems.joined(separator: "\n") }
    }

    package static func create(
        email rawEmail: String, name rawName: String, role rawRole: String,
        services: CohesionServices, on db: Database
    ) async throws -> String {
        let email = User.normalise(email: rawEmail)
        let name = rawName.trimmingCharacters(in: .whitespacesAndNewlines)
        var problems: [String] = []
        if !AuthController.looksLikeEmail(email) { problems.append("--email: bitte eine gültige E-Mail-Adresse angeben") }
        if name.isEmpty { problems.append("--name: bitte einen Namen angeben") }
        // The name goes into mails and the log, so it stays on one line, as the forms ask.
        if FieldErrors.hasLineBreak(name) { problems.append("--name: " + FieldErrors.lineBreakMessage) }
        let role = Role(rawValue: rawRole)
        if role == nil { problems.append("--role: eine von " + Role.allCases.map(\.rawValue).joined(separator: ", ")) }
        if problems.isEmpty, try await User.query(on: db).filter(\.$email == email).first() != nil {
            problems.append("--email: für \(email) gibt es schon ein Konto")
        }
        guard problems.isEmpty, let role else { throw Invalid(problems: problems) }
        let path = try await db.transaction { db in
            let user = User(email: email, name: name, role: role)
            try await user.create(on: db)
            try await Audit.record(
                .person, "Konto \(user.name) (\(user.role.germanName)) angelegt", objectID: user.id, actorID: nil,
                actor: "Kommandozeile", at: services.clock.now(), on: db)
            return try await PasswordLinks.issue(for: try user.requireID(), purpose: .welcome, services: services, on: db)
        }
        return services.config.absoluteURL(path)
    }
}
