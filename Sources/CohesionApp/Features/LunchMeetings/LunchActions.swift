import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// What a registered person does before a meeting, the same from a page and from the API: propose
/// a question, give and withdraw votes. Each checks the registration and the freeze itself.
enum LunchActions {
    /// The meeting, if this person may still post and vote on it: registered, and before the freeze.
    static func openMeeting(_ meetingID: UUID, for user: CurrentUser, now: Date, on req: Request) async throws -> LunchMeeting {
        guard let meeting = try await LunchMeeting.find(meetingID, on: req.db) else { throw AppError.notFound }
        guard try await LunchAudience.isRegistered(user.id, seriesID: meeting.$series.id, on: req.sql) else {
            throw AppError.forbidden("Bitte melden Sie sich zuerst für die Mittagsrunde an; dann können Sie Themen vorschlagen und abstimmen.")
        }
        guard now < meeting.agendaFreezesAt else {
            throw AppError(
                .conflict, "Die Tagesordnung steht seit \(BerlinTime.dateTime(meeting.agendaFreezesAt)) fest; Themen und Stimmen sind nicht mehr möglich.")
        }
        return meeting
    }

    static func item(_ itemID: UUID, of meetingID: UUID, on db: any Database) async throws -> LunchItem {
        guard let item = try await LunchItem.find(itemID, on: db), item.$meeting.id == meetingID else { throw AppError.notFound }
        return item
    }

    /// Checks the text; stores the question and the mails of those who want one per question together.
    static func propose(_ typed: String, meeting: LunchMeeting, by user: CurrentUser, req: Request) async throws -> Checked<UUID> {
        var errors = FieldErrors()
        let text = errors.require("thema", typed, "Ihre Frage oder Ihr Thema", maxLength: 500, multiline: true)
        guard errors.isEmpty else { return .invalid(errors) }
        let meetingID = try meeting.requireID()
        let item = LunchItem()
        item.$meeting.id = meetingID
        item.$author.id = user.id
        item.text = text
        item.createdAt = req.now
        let mail = try await MailContext(meeting, req: req)
        try await req.db.transaction { db in
            try await item.create(on: db)
            try await PostMails.send(
                to: mail.registrants, scope: .lunch, authorID: user.id,
                subject: "Cohesion: neues Thema für „\(mail.seriesTitle)“ am \(BerlinTime.longDate(BerlinTime.day(of: meeting.startsAt)))",
                text: "\(user.name) schlägt für die Mittagsrunde am \(BerlinTime.dateTime(meeting.startsAt)) vor:\n\n\(text)", link: mail.link, on: db)
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return .valid(try item.requireID())
    }

    /// What a mail per item or per notes needs, read before the transaction that writes it.
    struct MailContext: Sendable {
        let registrants: [PostMails.Recipient]
        let seriesTitle: String
        let link: String

        init(_ meeting: LunchMeeting, req: Request) async throws {
            registrants = try await LunchDigestSource.registrants(of: meeting.$series.id, on: req.sql)
            seriesTitle = try await LunchSeries.find(meeting.$series.id, on: req.db)?.title ?? "Mittagsrunde"
            link = req.cohesion.config.absoluteURL(SiteURL.lunchMeeting(.value(try meeting.requireID())).path)
        }
    }

    /// Gives the vote, or says in German why not (answered item, budget spent).
    static func vote(for item: LunchItem, in meeting: LunchMeeting, by user: CurrentUser, req: Request) async throws {
        guard item.answeredAt == nil else { throw AppError(.conflict, "Dieses Thema ist schon beantwortet; Ihre Stimme brauchen Sie dafür nicht mehr.") }
        let budget = try await LunchSeries.find(meeting.$series.id, on: req.db)?.voteBudget ?? 0
        let outcome = try await LunchVoting.vote(
            itemID: try item.requireID(), meetingID: try meeting.requireID(), userID: user.id, budget: budget, at: req.now, on: req.sql)
        if case .budgetSpent(let budget) = outcome {
            throw AppError(
                .conflict,
                "Sie haben alle \(budget) Stimmen für diesen Termin vergeben. Nehmen Sie eine Stimme zurück, um ein anderes Thema zu wählen.")
        }
    }
}
