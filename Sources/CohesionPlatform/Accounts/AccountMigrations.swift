import Fluent
import Foundation

package struct CreateUser: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("role", .string, .required)
            .field("password_hash", .string)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(User.schema).delete()
    }

    package init() {}
}

package struct CreateWebSession: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(WebSession.schema)
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .references(User.schema, "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(WebSession.schema).delete()
    }

    package init() {}
}

package struct CreateLoginAttempt: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema)
            .id()
            .field("email", .string, .required)
            .field("address", .string, .required)
            .field("succeeded", .bool, .required)
            .field("attempted_at", .datetime, .required)
            .create()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(LoginAttempt.schema).delete()
    }

    package init() {}
}

package struct CreatePasswordToken: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(PasswordToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("purpose", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("used_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(PasswordToken.schema).delete()
    }

    package init() {}
}

/// Locking by the admin and erasure (DSGVO Art. 17) mark the account instead of deleting it.
package struct UpdateUserAddLockAndErasure: PlatformMigration {
    package func prepare(on database: Database) async throws {
        try await database.schema(User.schema).field("locked_at", .datetime).update()
        try await database.schema(User.schema).field("erased_at", .datetime).update()
    }

    package func revert(on database: Database) async throws {
        try await database.schema(User.schema).deleteField("locked_at").update()
        try await database.schema(User.schema).deleteField("erased_at").update()
    }

    package init() {}
}
