import CohesionPlatform
import Fluent
import SQLKit

struct CreateMaterial: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Material.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("data", .data, .required)
            .field("uploaded_by", .uuid)
            .field("created_at", .datetime)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw("CREATE INDEX idx_materials_unit ON materials (unit_id)").run()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Material.schema).delete()
    }
}
