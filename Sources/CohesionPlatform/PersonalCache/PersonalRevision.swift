import Foundation
import SQLKit

/// The change counters behind `PersonalPageCache`: one row per person whose rows were ever
/// written (`personal_revisions`) and one shared counter (a `ChangeCounter`).
package enum PersonalRevision {
    package static let table = "personal_revisions"
    package static let sharedTable = "personal_shared_revision"

    package struct Value: Equatable, Sendable {
        let shared: Int64
        let own: Int64

        package init(shared: Int64, own: Int64) {
            self.shared = shared
            self.own = own
        }
    }

    /// Both counters in one statement; a person nobody has written about yet stands at 0.
    package static func current(for userID: UUID, on db: any SQLDatabase) async throws -> Value {
        struct Row: Decodable { let shared: Int64?; let own: Int64? }
        let row = try await db.raw(
            """
            SELECT (SELECT value FROM \(ident: sharedTable) WHERE id = 1) AS shared,
                   (SELECT value FROM \(ident: table) WHERE user_id = \(bind: userID)) AS own
            """
        ).first(decoding: Row.self)
        return Value(shared: row?.shared ?? 0, own: row?.own ?? 0)
    }
}
