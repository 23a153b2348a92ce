import CohesionPlatform
import Foundation

/// Cursor pagination: a page ends where the next begins, named by the last item's key (a
/// municipality's key, a registration's or a unit's id), so pages stay consistent while rows are
/// added. A cursor that names nothing known gives an empty page.
enum APICursor {
    static let defaultLimit = 50

    static func limit(_ requested: Int?) throws -> Int {
        guard let requested else { return defaultLimit }
        guard (1...100).contains(requested) else { throw AppError(.badRequest, "limit muss zwischen 1 und 100 liegen.") }
        return requested
    }

    /// A cursor that must be an id.
    static func id(_ cursor: String?) throws -> UUID? {
        guard let cursor, !cursor.isEmpty else { return nil }
        guard let id = UUID(uuidString: cursor) else {
            throw AppError(.badRequest, "Der Cursor ist ungültig. Bitte den nextCursor der vorigen Seite verwenden.")
        }
        return id
    }

    /// One more row than the page holds is fetched: if it comes, there is a next page.
    static func page<Row>(_ rows: [Row], limit: Int, key: (Row) -> String) -> (items: [Row], next: String?) {
        guard rows.count > limit else { return (rows, nil) }
        let items = Array(rows.prefix(limit))
        return (items, items.last.map(key))
    }
}
