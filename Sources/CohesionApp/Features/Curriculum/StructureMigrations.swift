import CohesionPlatform
import Fluent
import Foundation
import SQLKit

struct CreateProgramme: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Programme.schema)
            .id()
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Programme.schema).delete()
    }
}

struct CreateEdition: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Edition.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("summary", .string, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Edition.schema).delete()
    }
}

struct CreateModule: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CurriculumModule.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("title", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CurriculumModule.schema).delete()
    }
}

struct CreateCompetenceArea: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CompetenceArea.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("position", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CompetenceArea.schema).delete()
    }
}

struct CreateEditionMember: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(EditionMember.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "edition_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(EditionMember.schema).delete()
    }
}

struct CreatePart: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Part.schema)
            .id()
            .field("edition_id", .uuid, .required, .references(Edition.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("focus", .string, .required)
            .field("starts_on", .string, .required)
            .field("ends_on", .string, .required)
            .field("venue_name", .string, .required)
            .field("address", .string, .required)
            .field("city", .string, .required)
            .field("capacity", .int, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Part.schema).delete()
    }
}

struct CreateUnit: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("part_id", .uuid, .required, .references(Part.schema, "id", onDelete: .cascade))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("objectives", .string, .required)
            .field("starts_at", .datetime, .required)
            .field("ends_at", .datetime, .required)
            .field("room", .string, .required)
            .field("format", .string, .required)
            .field("module_id", .uuid, .references(CurriculumModule.schema, "id", onDelete: .setNull))
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(Unit.schema).delete()
    }
}

struct CreateUnitCompetenceArea: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UnitCompetenceArea.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .cascade))
            .field(
                "competence_area_id", .uuid, .required,
                .references(CompetenceArea.schema, "id", onDelete: .cascade)
            )
            .unique(on: "unit_id", "competence_area_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UnitCompetenceArea.schema).delete()
    }
}

struct CreateUnitFacilitator: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(UnitFacilitator.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .unique(on: "unit_id", "user_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(UnitFacilitator.schema).delete()
    }
}

/// Indexes for the lookups every page makes; SQL so the same statement serves both databases.
struct CreateLookupIndexes: AsyncMigration {
    func prepare(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for statement in [
            "CREATE INDEX idx_units_part ON units (part_id, starts_at)",
            "CREATE INDEX idx_parts_edition ON parts (edition_id, number)",
            "CREATE INDEX idx_login_attempts_email ON login_attempts (email, attempted_at)",
            "CREATE INDEX idx_login_attempts_address ON login_attempts (address, attempted_at)",
            "CREATE INDEX idx_unit_facilitators_user ON unit_facilitators (user_id)",
            "CREATE INDEX idx_edition_members_user ON edition_members (user_id)",
        ] {
            try await sql.raw(SQLQueryString(statement)).run()
        }
    }

    func revert(on database: Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for name in [
            "idx_units_part", "idx_parts_edition", "idx_login_attempts_email", "idx_login_attempts_address",
            "idx_unit_facilitators_user", "idx_edition_members_user",
        ] {
            try await sql.raw(SQLQueryString("DROP INDEX \(unsafeRaw: name)")).run()
        }
    }
}
