import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Votes on a meeting's items, within each person's budget.
enum LunchVoting {
    enum Outcome: Equatable, Sendable {
        case counted
        case alreadyCounted
        case budgetSpent(Int)
    }

    private struct SlotRow: Decodable { let slot: Int?; let itemId: UUID }

    /// Gives the person's vote to the item in the first free slot of their budget. Two requests at
    /// once may pick the same slot: the unique index refuses the second, which then looks again.
    static func vote(itemID: UUID, meetingID: UUID, userID: UUID, budget: Int, at now: Date, on db: any SQLDatabase) async throws -> Outcome {
        var lastError: (any Error)?
        for _ in 0..<(budget + 3) {
            let mine = try await db.raw(
                "SELECT slot, item_id FROM lunch_votes WHERE meeting_id = \(bind: meetingID) AND user_id = \(bind: userID)"
            ).all(decoding: SlotRow.self, with: .snakeCaseColumns)
            if mine.contains(where: { $0.itemId == itemID }) { return .alreadyCounted }
            let used = Set(mine.compactMap(\.slot))
            guard let free = (1...max(budget, 1)).first(where: { !used.contains($0) }), budget > 0 else { return .budgetSpent(budget) }
            do {
                try await db.raw(
                    """
                    INSERT INTO lunch_votes (id, meeting_id, item_id, user_id, slot, created_at)
                    VALUES (\(bind: UUID()), \(bind: meetingID), \(bind: itemID), \(bind: userID), \(bind: free), \(bind: now))
                    """
                ).run()
                return .counted
            } catch {
                // Another request of the same person took this slot (or voted for this item) first.
                lastError = error
            }
        }
        throw lastError ?? AppError(.conflict, "Die Stimme konnte nicht gezählt werden; bitte noch einmal versuchen.")
    }

    static func withdraw(itemID: UUID, userID: UUID, on db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM lunch_votes WHERE item_id = \(bind: itemID) AND user_id = \(bind: userID)").run()
    }

    /// The item counts as answered; its votes stay on the agenda but no longer use their givers' budgets.
    static func markAnswered(itemID: UUID, at now: Date, on db: any SQLDatabase) async throws {
        try await db.raw("UPDATE lunch_items SET answered_at = \(bind: now) WHERE id = \(bind: itemID) AND answered_at IS NULL").run()
        try await db.raw("UPDATE lunch_votes SET slot = NULL WHERE item_id = \(bind: itemID)").run()
    }

    /// The agenda's order: most votes first; on a tie, the earlier question.
    static func agendaOrder<Item>(_ items: [Item], votes: (Item) -> Int, postedAt: (Item) -> Date) -> [Item] {
        items.sorted { (-votes($0), postedAt($0).timeIntervalSince1970) < (-votes($1), postedAt($1).timeIntervalSince1970) }
    }
}
