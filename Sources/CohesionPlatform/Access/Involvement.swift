import CohesionCore
import Foundation
import SQLKit
import Vapor

/// What a person teaches in, takes part in or is partner of: the questions the features' access
/// rules ask about the object a route names. Each is one indexed lookup.
package enum Involvement {
    /// A facilitator gives at least one unit of the edition.
    package static func teaches(_ userID: UUID, inEdition editionID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT f.user_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id JOIN parts p ON p.id = u.part_id
            WHERE f.user_id = \(bind: userID) AND p.edition_id = \(bind: editionID)
            """
        ).first() != nil
    }

    /// A facilitator gives at least one unit of the part.
    package static func teaches(_ userID: UUID, inPart partID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT f.user_id FROM unit_facilitators f JOIN units u ON u.id = f.unit_id
            WHERE f.user_id = \(bind: userID) AND u.part_id = \(bind: partID)
            """
        ).first() != nil
    }

    /// A facilitator gives this unit.
    package static func gives(_ userID: UUID, unit unitID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT user_id FROM unit_facilitators WHERE unit_id = \(bind: unitID) AND user_id = \(bind: userID)
            """
        ).first() != nil
    }

    /// A participant belongs to the edition's cohort.
    package static func isMember(_ userID: UUID, ofEdition editionID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT user_id FROM edition_members WHERE edition_id = \(bind: editionID) AND user_id = \(bind: userID)
            """
        ).first() != nil
    }

    /// A participant belongs to the cohort of the part's edition.
    package static func isMember(_ userID: UUID, ofEditionOfPart partID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT m.user_id FROM edition_members m JOIN parts p ON p.edition_id = m.edition_id
            WHERE p.id = \(bind: partID) AND m.user_id = \(bind: userID)
            """
        ).first() != nil
    }

    /// A partner is assigned to the programme the edition belongs to.
    package static func isPartner(_ userID: UUID, ofEdition editionID: UUID, on db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            """
            SELECT pp.user_id FROM programme_partners pp JOIN editions e ON e.programme_id = pp.programme_id
            WHERE e.id = \(bind: editionID) AND pp.user_id = \(bind: userID)
            """
        ).first() != nil
    }
}

extension AccessRule {
    /// The lead and admin may use every object; everyone else only what `check` allows.
    package static func leadOr(
        _ roles: Set<Role>, _ description: String,
        object check: @escaping @Sendable (Request, CurrentUser) async throws -> Bool
    ) -> AccessRule {
        .roles(roles.union([.lead, .admin]), description) { req, user in
            if user.role.canEditStructure { return true }
            return try await check(req, user)
        }
    }

    /// The lead's area: programme structure, cohort and exports. The lead is responsible for every
    /// programme, so the role alone decides.
    package static let leadArea = AccessRule.roles([.lead, .admin], "Programmleitung und Administration")
}
