import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// What a person is told about: one edition's board, or the lunch meetings.
enum NotificationScope: Hashable, Sendable {
    case board(editionID: UUID)
    case lunch

    var key: String {
        switch self {
        case .board(let editionID): "durchlauf-" + editionID.uuidString.lowercased()
        case .lunch: "mittagsrunden"
        }
    }
}

/// How a person wants to hear about a scope. Digests on by default are felt as spam, so the
/// default is the quietest useful one: a daily digest of the announcements only.
enum NotificationMode: String, CaseIterable, Sendable, Codable {
    case dailyAnnouncements = "taeglich-ankuendigungen"
    case daily = "taeglich"
    case each = "jeder-beitrag"
    case none = "keine"

    static let standard = NotificationMode.dailyAnnouncements

    var label: String {
        switch self {
        case .dailyAnnouncements: "Tägliche Zusammenfassung, nur Ankündigungen (Voreinstellung)"
        case .daily: "Tägliche Zusammenfassung aller neuen Beiträge"
        case .each: "Eine E-Mail zu jedem neuen Beitrag"
        case .none: "Keine E-Mails"
        }
    }

    var isDaily: Bool { self == .daily || self == .dailyAnnouncements }
}

/// A person's choice for one scope; without a row, `NotificationMode.standard` applies.
/// `chosenAt`: a digest never reaches back before the choice, so a switch from a mail per post to
/// the digest does not mail the same posts again.
final class NotificationChoice: Model, @unchecked Sendable {
    static let schema = "notification_choices"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "scope") var scope: String
    @Field(key: "mode") var mode: NotificationMode
    @Field(key: "chosen_at") var chosenAt: Date

    init() {}
}

/// When a person last looked at a scope: what they have seen is not mailed again.
final class ExchangeVisit: Model, @unchecked Sendable {
    static let schema = "exchange_visits"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "scope") var scope: String
    @Field(key: "visited_at") var visitedAt: Date

    init() {}

    /// Records a visit now; one statement, so two tabs at once cannot make two rows.
    static func record(_ userID: UUID, scope: NotificationScope, at now: Date, on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO exchange_visits (id, user_id, scope, visited_at) VALUES (\(bind: UUID()), \(bind: userID), \(bind: scope.key), \(bind: now))
            ON CONFLICT (user_id, scope) DO UPDATE SET visited_at = excluded.visited_at
            """
        ).run()
    }
}

/// Up to when a person's digests have covered everything: the claim that lets one instance, and
/// only one, send a person's digest for a given morning.
final class DigestState: Model, @unchecked Sendable {
    static let schema = "digest_states"

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: User
    @Field(key: "covered_until") var coveredUntil: Date

    init() {}
}

struct CreateNotifications: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(NotificationChoice.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("scope", .string, .required)
            .field("mode", .string, .required)
            .field("chosen_at", .datetime, .required)
            .unique(on: "user_id", "scope")
            .create()
        try await database.schema(ExchangeVisit.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("scope", .string, .required)
            .field("visited_at", .datetime, .required)
            .unique(on: "user_id", "scope")
            .create()
        try await database.schema(DigestState.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, .id, onDelete: .cascade))
            .field("covered_until", .datetime, .required)
            .unique(on: "user_id")
            .create()
        // One row per morning: the instance that writes it goes through the people; the others skip.
        try await database.schema("digest_rounds")
            .field("scheduled_for", .datetime, .required)
            .field("started_at", .datetime, .required)
            .unique(on: "scheduled_for")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema("digest_rounds").delete()
        try await database.schema(DigestState.schema).delete()
        try await database.schema(ExchangeVisit.schema).delete()
        try await database.schema(NotificationChoice.schema).delete()
    }
}
