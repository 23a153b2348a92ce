import CohesionPlatform
import Fluent
import Foundation

/// A partner account assigned to a programme: the partner reads the aggregate reports of that
/// programme's editions and of no other.
final class ProgrammePartner: Model, @unchecked Sendable {
    static let schema = "programme_partners"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Parent(key: "user_id") var user: User

    init() {}

    init(programmeID: UUID, userID: UUID) {
        self.$programme.id = programmeID
        self.$user.id = userID
    }

    static func isPartner(_ userID: UUID, ofProgramme programmeID: UUID, on db: any Database) async throws -> Bool {
        try await ProgrammePartner.query(on: db).filter(\.$programme.$id == programmeID).filter(\.$user.$id == userID).count() > 0
    }
}

struct CreateProgrammePartner: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(ProgrammePartner.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, .id, onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .unique(on: "programme_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(ProgrammePartner.schema).delete()
    }
}
