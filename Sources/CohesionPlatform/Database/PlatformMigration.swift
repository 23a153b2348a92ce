import Fluent

/// A migration of the platform's own tables. Fluent records a migration under its type's full
/// name, and these landed while the platform was still part of the `CohesionApp` module: they keep
/// that name, so a database installed before the platform became a module of its own does not run
/// them again (`SchemaTests` upgrades the last release's database to prove it).
package protocol PlatformMigration: AsyncMigration {}

extension PlatformMigration {
    package var name: String { "CohesionApp.\(Self.self)" }
}
