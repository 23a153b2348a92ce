import CohesionCore
import CohesionPlatform
import Foundation

/// An edition's board as one person sees it.
struct BoardPage: Sendable {
    struct Entry: Sendable {
        let id: UUID
        let parentID: UUID?
        let kind: BoardPostKind
        let authorID: UUID
        let authorName: String
        let authorErased: Bool
        let authorRole: Role
        let title: String
        let body: String
        let createdAt: Date
        let editedAt: Date?
        let deletedAt: Date?
        let hiddenAt: Date?
        let hiddenReason: String

        /// An erased person's posts stay, under this name.
        var shownAuthor: String { authorErased ? "gelöschtes Konto" : authorName }
        var isRemoved: Bool { deletedAt != nil }
    }

    struct Thread: Sendable {
        let post: Entry
        let answers: [Entry]
        /// The newest post of the thread, for the order of the board.
        var lastActivity: Date { answers.map(\.createdAt).max().map { max($0, post.createdAt) } ?? post.createdAt }
    }

    let editionID: UUID
    let editionTitle: String
    let threads: [Thread]
    let viewerID: UUID
    let viewerIsLead: Bool

    /// Whether this person sees the post's text: not deleted, and not hidden unless they are the lead or its author.
    func showsText(_ entry: Entry) -> Bool {
        guard !entry.isRemoved else { return false }
        return entry.hiddenAt == nil || viewerIsLead || entry.authorID == viewerID
    }
}
