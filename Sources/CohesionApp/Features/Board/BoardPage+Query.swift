import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

extension BoardPage {
    private struct Row: Decodable {
        let id: UUID; let parentId: UUID?; let kind: BoardPostKind; let authorId: UUID; let authorName: String; let erasedAt: Date?
        let authorRole: Role; let title: String; let body: String; let createdAt: Date; let editedAt: Date?; let deletedAt: Date?
        let hiddenAt: Date?; let hiddenReason: String
    }

    /// The board's threads, the one with the newest post first; answers oldest first.
    static func query(editionID: UUID, editionTitle: String, viewer: CurrentUser, on db: any SQLDatabase) async throws -> BoardPage {
        let entries = try await db.raw(
            """
            SELECT b.id, b.parent_id, b.kind, b.author_id, u.name AS author_name, u.erased_at, u.role AS author_role, b.title, b.body,
                   b.created_at, b.edited_at, b.deleted_at, b.hidden_at, b.hidden_reason
            FROM board_posts b JOIN users u ON u.id = b.author_id
            WHERE b.edition_id = \(bind: editionID) ORDER BY b.created_at, b.id
            """
        ).all(decoding: Row.self, with: .snakeCaseColumns).map { row in
            Entry(
                id: row.id, parentID: row.parentId, kind: row.kind, authorID: row.authorId, authorName: row.authorName,
                authorErased: row.erasedAt != nil, authorRole: row.authorRole, title: row.title, body: row.body, createdAt: row.createdAt,
                editedAt: row.editedAt, deletedAt: row.deletedAt, hiddenAt: row.hiddenAt, hiddenReason: row.hiddenReason)
        }
        let answers = Dictionary(grouping: entries.filter { $0.parentID != nil }, by: { $0.parentID! })
        let threads = entries.filter { $0.parentID == nil }.map { Thread(post: $0, answers: answers[$0.id] ?? []) }
        return BoardPage(
            editionID: editionID, editionTitle: editionTitle,
            threads: threads.sorted { $0.lastActivity > $1.lastActivity },
            viewerID: viewer.id, viewerIsLead: viewer.role.canEditStructure)
    }
}
