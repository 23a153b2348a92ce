import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// Between the parts: an edition's board, and the lunch meetings with their agendas and votes,
/// through the same checks as the pages (`BoardInput`, `LunchActions`).
extension APIHandler {
    typealias ExchangeSchemas = Components.Schemas

    func getBoard(_ input: Operations.GetBoard.Input) async throws -> Operations.GetBoard.Output {
        let req = try request
        let user = try caller().user
        guard let edition = try await Edition.find(try id(input.path.edition), on: req.db) else { throw AppError.notFound }
        let page = try await BoardPage.query(editionID: try edition.requireID(), editionTitle: edition.title, viewer: user, on: req.sql)
        func post(_ entry: BoardPage.Entry) -> ExchangeSchemas.BoardPost {
            .init(
                id: entry.id.uuidString, kind: .init(rawValue: entry.kind.rawValue) ?? .frage, title: entry.title, author: entry.shownAuthor,
                createdAt: entry.createdAt, editedAt: entry.editedAt,
                state: entry.isRemoved ? .geloescht : entry.hiddenAt != nil ? .ausgeblendet : .sichtbar,
                body: page.showsText(entry) ? entry.body : nil)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        editionID: page.editionID.uuidString, editionTitle: page.editionTitle,
                        threads: page.threads.map { .init(post: post($0.post), answers: $0.answers.map(post)) }))))
    }

    func createBoardPost(_ input: Operations.CreateBoardPost.Input) async throws -> Operations.CreateBoardPost.Output {
        let req = try request
        let user = try caller().user
        guard let edition = try await Edition.find(try id(input.path.edition), on: req.db) else { throw AppError.notFound }
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        let typed = BoardInput(kind: body.kind?.rawValue ?? "", title: body.title ?? "", body: body.body)
        let parentID = try body.parentID.map { try id($0) }
        if let parentID {
            guard let parent = try await BoardPost.find(parentID, on: req.db), parent.$edition.id == edition.id else {
                var errors = FieldErrors()
                errors.add("parentID", "Dieses Thema gibt es im Forum nicht.")
                throw AppError.invalid(errors)
            }
            guard parent.parentID == nil, parent.deletedAt == nil, parent.hiddenAt == nil else {
                throw AppError(.conflict, "Auf diesen Beitrag kann niemand mehr antworten.")
            }
        }
        let checked = parentID == nil ? typed.checkThread(byLead: user.role.canEditStructure) : typed.checkAnswer()
        switch checked {
        case .invalid(let errors):
            throw AppError.invalid(Self.renamed(errors, ["art": "kind", "titel": "title", "text": "body"]))
        case .valid(let post):
            let created = try await BoardController.write(post, parentID: parentID, edition: edition, by: user, req: req)
            return .created(.init(body: .json(.init(id: created.uuidString))))
        }
    }

    /// The form's field names as the JSON names them.
    static func renamed(_ errors: FieldErrors, _ names: [String: String]) -> FieldErrors {
        var renamed = FieldErrors()
        for (field, message) in errors.messages { renamed.add(names[field] ?? field, message) }
        return renamed
    }

    func listLunchMeetings(_ input: Operations.ListLunchMeetings.Input) async throws -> Operations.ListLunchMeetings.Output {
        let req = try request
        let user = try caller().user
        let listing = try await LunchListing.query(for: user, now: req.now, on: req.sql)
        let listed = listing.series.flatMap { $0.coming + $0.past }.map(\.id)
        var meetings: [ExchangeSchemas.LunchMeeting] = []
        for page in try await LunchMeetingPage.query(meetingIDs: listed, viewer: user, now: req.now, on: req.sql) {
            var video: String?
            if case .open(let url) = page.videoRoom { video = url }
            meetings.append(
                .init(
                    id: page.meetingID.uuidString, seriesID: page.seriesID.uuidString, seriesTitle: page.seriesTitle, startsAt: page.startsAt,
                    endsAt: page.endsAt, agendaFreezesAt: page.freezesAt, registered: page.viewerIsRegistered, voteBudget: page.budget,
                    votesLeft: page.votesLeft,
                    items: page.items.map {
                        .init(
                            id: $0.id.uuidString, text: $0.text, author: $0.authorName, createdAt: $0.createdAt, votes: $0.votes,
                            answered: $0.answeredAt != nil, votedByMe: $0.viewerVoted)
                    },
                    notes: page.notesPublishedAt == nil ? nil : page.notes, videoURL: video))
        }
        return .ok(.init(body: .json(.init(meetings: meetings.sorted { $0.startsAt < $1.startsAt }))))
    }

    func createLunchItem(_ input: Operations.CreateLunchItem.Input) async throws -> Operations.CreateLunchItem.Output {
        let req = try request
        let user = try caller().user
        let meeting = try await LunchActions.openMeeting(try id(input.path.meeting), for: user, now: req.now, on: req)
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        switch try await LunchActions.propose(body.text, meeting: meeting, by: user, req: req) {
        case .invalid(let errors): throw AppError.invalid(Self.renamed(errors, ["thema": "text"]))
        case .valid(let itemID): return .created(.init(body: .json(.init(id: itemID.uuidString))))
        }
    }

    func voteLunchItem(_ input: Operations.VoteLunchItem.Input) async throws -> Operations.VoteLunchItem.Output {
        let req = try request
        let user = try caller().user
        let meeting = try await LunchActions.openMeeting(try id(input.path.meeting), for: user, now: req.now, on: req)
        let item = try await LunchActions.item(try id(input.path.item), of: try meeting.requireID(), on: req.db)
        try await LunchActions.vote(for: item, in: meeting, by: user, req: req)
        return .noContent(.init())
    }

    func withdrawLunchVote(_ input: Operations.WithdrawLunchVote.Input) async throws -> Operations.WithdrawLunchVote.Output {
        let req = try request
        let user = try caller().user
        let meeting = try await LunchActions.openMeeting(try id(input.path.meeting), for: user, now: req.now, on: req)
        let item = try await LunchActions.item(try id(input.path.item), of: try meeting.requireID(), on: req.db)
        try await LunchVoting.withdraw(itemID: try item.requireID(), userID: user.id, on: req.sql)
        return .noContent(.init())
    }
}
