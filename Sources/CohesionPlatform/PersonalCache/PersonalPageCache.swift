import Foundation
import SQLKit

/// Pages built from one person's rows and from what everybody shares (Mein Programm), kept in
/// memory per instance until either changes. Triggers move two counters (`PersonalRevision`):
/// the person's own on every write to rows that name them, and a shared one on every write to
/// the tables everybody's page reads. Each use reads both in one statement and builds the page
/// again when either moved, so every instance on one PostgreSQL sees a change at its next request.
package final class PersonalPageCache: Sendable {
    /// Far more people than open their page within the minutes a programme starts; about 5 KB each.
    package static let capacity = 4_000
    private let values = RevisionedValues<PersonalRevision.Value>(capacity: capacity)

    package init() {}

    /// The value kept under `key` for `userID`, or `compute`'s. The key names everything else the
    /// value depends on (the session, the day). `known`: the counters as this request read them
    /// already (the session's statement does), else they are read here, before computing.
    package func value<T: Sendable>(
        _ key: String, userID: UUID, known: PersonalRevision.Value? = nil, on db: any SQLDatabase, compute: () async throws -> T
    ) async throws -> T {
        let revision: PersonalRevision.Value
        if let known { revision = known } else { revision = try await PersonalRevision.current(for: userID, on: db) }
        return try await values.value(key, at: revision, compute: compute)
    }

    /// Drops every kept page (tests that count statements start cold).
    package func forget() { values.forget() }
}

/// A table a person's page reads: a change to a row moves the counter of the person the row
/// names (`personColumn`), or, for rows everybody's page may show, the shared counter.
package struct PersonalPageTable: Hashable, Sendable {
    package let table: String
    package let personColumn: String?

    /// Rows that belong to one person and show on no one else's page.
    package static func own(_ table: String, column: String = "user_id") -> PersonalPageTable {
        PersonalPageTable(table: table, personColumn: column)
    }

    /// Rows that may show on anybody's page (parts, units, posts).
    package static func shared(_ table: String) -> PersonalPageTable {
        PersonalPageTable(table: table, personColumn: nil)
    }
}
