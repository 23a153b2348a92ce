import CohesionCore
import Fluent
import SQLKit

/// Parts and units may be online or hybrid; what existed is in person.
struct UpdatePartsAndUnitsAddDelivery: AsyncMigration {
    func prepare(on database: Database) async throws {
        let inPerson = SQLLiteral.string(Delivery.inPerson.rawValue)
        try await database.schema(Part.schema).field("delivery", .string, .required, .sql(.default(inPerson))).update()
        try await database.schema(Unit.schema).field("delivery", .string, .required, .sql(.default(inPerson))).update()
        try await database.schema(Unit.schema).field("video_url", .string, .required, .sql(.default(SQLLiteral.string("")))).update()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Unit.schema).deleteField("video_url").update()
        try await database.schema(Unit.schema).deleteField("delivery").update()
        try await database.schema(Part.schema).deleteField("delivery").update()
    }
}
