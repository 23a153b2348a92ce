import Fluent

package struct CreateSetting: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(Setting.schema)
            .id()
            .field("key", .string, .required)
            .field("value", .string, .required)
            .unique(on: "key")
            .create()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(Setting.schema).delete()
    }

    package init() {}
}
