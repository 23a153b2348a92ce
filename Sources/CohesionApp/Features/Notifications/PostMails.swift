import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// The mail per post, for those who chose it: written to the outbox in the post's transaction,
/// never to its author.
enum PostMails {
    struct Recipient: Decodable, Sendable { let id: UUID; let name: String; let email: String }

    private struct ChoiceRow: Decodable { let userId: UUID; let mode: NotificationMode }

    /// Of `people`, those whose choice for `scope` is a mail per post.
    static func choosingEach(_ people: [Recipient], scope: NotificationScope, on db: any SQLDatabase) async throws -> [Recipient] {
        let each = try await db.raw(
            """
            SELECT user_id, mode FROM notification_choices WHERE scope = \(bind: scope.key) AND mode = \(bind: NotificationMode.each.rawValue)
            """
        ).all(decoding: ChoiceRow.self, with: .snakeCaseColumns)
        let ids = Set(each.map(\.userId))
        return people.filter { ids.contains($0.id) }
    }

    static func send(
        to people: [Recipient], scope: NotificationScope, authorID: UUID, subject: String, text: String, link: String, on db: any Database
    ) async throws {
        guard let sql = db as? any SQLDatabase else { return }
        for person in try await choosingEach(people, scope: scope, on: sql) where person.id != authorID {
            try await Mailer.enqueue(
                to: person.email, subject: subject,
                body: """
                    Guten Tag \(person.name),

                    \(text)

                    Zum Beitrag: \(link)

                    Sie erhalten diese E-Mail, weil Sie „eine E-Mail zu jedem neuen Beitrag“ gewählt haben. Ändern können Sie das unter „Benachrichtigungen“ in Cohesion.
                    """, on: db)
        }
    }
}
