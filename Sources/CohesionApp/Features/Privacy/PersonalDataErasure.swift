import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Erases a person (DSGVO Art. 17): follows every feature's declared links in one transaction.
/// What only describes the person goes; what feeds anonymous figures (attendance, self-assessment
/// levels, survey answers) stays, tied to an account whose name and address are placeholders.
/// The audit log keeps its lines, with the name replaced, and records the erasure without the data.
enum PersonalDataErasure {
    static let placeholderName = "Gelöschte Person"

    struct NoSuchPerson: Error {}

    enum Cause: Sendable {
        case request
        case retention

        var label: String {
            switch self {
            case .request: "auf Antrag"
            case .retention: "nach Ablauf der Aufbewahrungsfrist"
            }
        }
    }

    /// The actor written into the audit log.
    struct Actor: Sendable {
        let id: UUID?
        let name: String
    }

    /// Returns false when the person was erased already.
    @discardableResult
    static func erase(
        _ userID: UUID, cause: Cause, by actor: Actor, at now: Date, declarations: [PersonalData], on db: any Database
    ) async throws -> Bool {
        try await db.transaction { db in
            guard let user = try await User.find(userID, on: db) else { throw NoSuchPerson() }
            guard user.erasedAt == nil else { return false }
            let tables = try TableRows(db)
            let order = try await tables.dependencyOrder(of: declarations.map(\.table))
            let declarations = Dictionary(grouping: declarations, by: \.table)
            // Dependent rows first, so no foreign key points at a row that is gone.
            for table in order.reversed() {
                for link in declarations[table, default: []].flatMap(\.links) {
                    try await apply(link, table: table, user: user, userID: userID, sql: tables.sql)
                }
            }
            let role = user.role
            user.name = placeholderName
            user.email = "geloescht-\(userID.uuidString.lowercased())@cohesion.invalid"
            user.passwordHash = nil
            user.lockedAt = user.lockedAt ?? now
            user.erasedAt = now
            try await user.save(on: db)
            try await Audit.record(
                .erasure, "Konto gelöscht (\(cause.label), \(role.germanName))", objectID: userID,
                actorID: actor.id, actor: actor.name, at: now, on: db)
            return true
        }
    }

    private static func apply(_ link: PersonLink, table: String, user: User, userID: UUID, sql: any SQLDatabase) async throws {
        let match: any SQLExpression = link.holds == .accountID ? SQLBind(userID) : SQLBind(user.email)
        let column = SQLIdentifier(link.column)
        switch link.erasure {
        case .delete:
            try await sql.delete(from: SQLIdentifier(table)).where(column, .equal, match).run()
        case .detach:
            try await sql.update(SQLIdentifier(table)).set(column, to: SQLLiteral.null).where(column, .equal, match).run()
        case .keep(let clearing):
            guard !clearing.isEmpty else { return }
            var update = sql.update(SQLIdentifier(table))
            for text in clearing { update = update.set(SQLIdentifier(text), to: SQLBind("")) }
            try await update.where(column, .equal, match).run()
        case .anonymiseAccount:
            return  // the account row itself is changed last, after everything that points to it
        case .anonymiseAuditTrail:
            // A name of one or two letters would replace parts of other words; such a name is not kept in the texts anyway.
            guard user.name.count >= 3 else { return }
            let name = user.name
            let pattern = "%" + RegionSearch.escapeLike(user.name) + "%"
            try await sql.raw(
                """
                UPDATE \(ident: table) SET actor = replace(actor, \(bind: name), \(bind: placeholderName)) WHERE \(ident: link.column) = \(bind: userID)
                """
            ).run()
            try await sql.raw(
                """
                UPDATE \(ident: table) SET object = replace(object, \(bind: name), \(bind: placeholderName)) WHERE object LIKE \(bind: pattern) ESCAPE '\\'
                """
            ).run()
        }
    }
}
