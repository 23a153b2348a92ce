import CohesionCore
import SQLKit
import Vapor

/// The one policy for routes on an object that belongs to one person (a practice project, an
/// actor or tie of a network, a certificate, an API token), the same everywhere:
/// - an object that does not exist is 404, for everyone the route is open to;
/// - one that exists and is someone else's is 403, as for every foreign object (`AccessGate`);
/// - its owner may use it, and where `alsoLead` is set the lead and admin too.
/// Telling 404 from 403 reveals only that some object has this id, which is a random UUID.
extension AccessRule {
    package static func ownObject(
        _ roles: Set<Role>, _ description: String, alsoLead: Bool = false,
        table: String, ownerColumn: String = "user_id", id: @escaping @Sendable (Request) throws -> UUID
    ) -> AccessRule {
        .roles(alsoLead ? roles.union([.lead, .admin]) : roles, description) { req, user in
            guard let owner = try await OwnerLookup.owner(in: table, id: id(req), column: ownerColumn, on: req.sql) else {
                throw AppError.notFound
            }
            return owner == user.id || (alsoLead && user.role.canEditStructure)
        }
    }
}

package enum OwnerLookup {
    /// The person row `id` of `table` belongs to, or nil when there is no such row.
    package static func owner(in table: String, id: UUID, column: String = "user_id", on db: any SQLDatabase) async throws -> UUID? {
        struct Row: Decodable { let owner: UUID }
        return try await db.raw("SELECT \(ident: column) AS owner FROM \(ident: table) WHERE id = \(bind: id)").first(decoding: Row.self)?.owner
    }
}
