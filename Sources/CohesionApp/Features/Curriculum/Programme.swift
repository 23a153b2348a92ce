import CohesionPlatform
import Fluent
import Foundation
import Vapor

final class Programme: Model, @unchecked Sendable {
    static let schema = "programmes"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String

    init() {}

    init(id: UUID? = nil, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

final class Edition: Model, @unchecked Sendable {
    static let schema = "editions"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "title") var title: String
    @Field(key: "summary") var summary: String

    init() {}

    init(id: UUID? = nil, programmeID: UUID, title: String, summary: String) {
        self.id = id
        self.$programme.id = programmeID
        self.title = title
        self.summary = summary
    }

    /// The edition the route names (`:edition`); 404 when there is none.
    static func named(by req: Request) async throws -> Edition {
        guard let edition = try await Edition.find(try req.parameters.require(.edition), on: req.db) else { throw AppError.notFound }
        return edition
    }
}

/// A thematic strand of the curriculum ("Modul"); `code` is its numeral, e.g. "II".
final class CurriculumModule: Model, @unchecked Sendable {
    static let schema = "modules"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID? = nil, programmeID: UUID, code: String, title: String, position: Int) {
        self.id = id
        self.$programme.id = programmeID
        self.code = code
        self.title = title
        self.position = position
    }
}

final class CompetenceArea: Model, @unchecked Sendable {
    static let schema = "competence_areas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "title") var title: String
    @Field(key: "position") var position: Int

    init() {}

    init(id: UUID? = nil, programmeID: UUID, title: String, position: Int) {
        self.id = id
        self.$programme.id = programmeID
        self.title = title
        self.position = position
    }
}

/// Who takes part in an edition; registration per part builds on this.
final class EditionMember: Model, @unchecked Sendable {
    static let schema = "edition_members"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Parent(key: "user_id") var user: User

    init() {}

    init(editionID: UUID, userID: UUID) {
        self.$edition.id = editionID
        self.$user.id = userID
    }
}
