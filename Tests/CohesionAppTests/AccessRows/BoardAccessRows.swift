import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension BoardFeature: AccessTableRows {
    static let members: Set<Role?> = [.participant, .facilitator, .lead, .admin]

    static let accessRows: [Row] = [
        get(SiteURL.exchange, { _ in SiteURL.exchange.path }, members),
        get(
            SiteURL.board(.key), { SiteURL.board(.value($0.fixture.editionID)).path }, members,
            foreign: { SiteURL.board(.value($0.otherEditionID)).path }),
        post(
            SiteURL.board(.key), { SiteURL.board(.value($0.fixture.editionID)).path }, members,
            foreign: { SiteURL.board(.value($0.otherEditionID)).path }),
        post(
            SiteURL.boardReply(.key, .key), { SiteURL.boardReply(.value($0.fixture.editionID), .value($0.ownPostID)).path }, members,
            foreign: { SiteURL.boardReply(.value($0.otherEditionID), .value($0.otherEditionPostID)).path }),
        // Only the author edits; an empty form is refused without a change.
        get(
            SiteURL.boardEdit(.key, .key), { SiteURL.boardEdit(.value($0.fixture.editionID), .value($0.ownPostID)).path }, participant,
            foreign: { SiteURL.boardEdit(.value($0.fixture.editionID), .value($0.colleaguePostID)).path }, foreignAllowed: []),
        post(
            SiteURL.boardEdit(.key, .key), { SiteURL.boardEdit(.value($0.fixture.editionID), .value($0.ownPostID)).path }, participant,
            foreign: { SiteURL.boardEdit(.value($0.fixture.editionID), .value($0.colleaguePostID)).path }, foreignAllowed: []),
        post(
            SiteURL.boardDelete(.key, .key), { SiteURL.boardDelete(.value($0.fixture.editionID), .value($0.ownPostID)).path }, participant,
            .redirectElsewhere,
            foreign: { SiteURL.boardDelete(.value($0.fixture.editionID), .value($0.colleaguePostID)).path }, foreignAllowed: []
        ).running(.deletes(0)),
        // Hiding needs a reason: the empty form is refused, so the row changes nothing.
        post(
            SiteURL.boardHide(.key, .key), { SiteURL.boardHide(.value($0.fixture.editionID), .value($0.colleaguePostID)).path }, lead,
            foreign: { SiteURL.boardHide(.value($0.otherEditionID), .value($0.otherEditionPostID)).path }),
    ]
}

extension LunchMeetingsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.lunchSeries, { _ in SiteURL.lunchSeries.path }, BoardFeature.members),
        post(SiteURL.lunchSeries, { _ in SiteURL.lunchSeries.path }, lead),
        post(
            SiteURL.lunchRegistration(.key), { SiteURL.lunchRegistration(.value($0.seriesID)).path }, BoardFeature.members, .redirectElsewhere,
            foreign: { SiteURL.lunchRegistration(.value($0.otherSeriesID)).path }
        ).running(.changes(1)),
        post(
            SiteURL.lunchNewMeeting(.key), { SiteURL.lunchNewMeeting(.value($0.seriesID)).path }, teachers,
            foreign: { SiteURL.lunchNewMeeting(.value($0.otherSeriesID)).path }),
        get(
            SiteURL.lunchMeeting(.key), { SiteURL.lunchMeeting(.value($0.meetingID)).path }, BoardFeature.members,
            foreign: { SiteURL.lunchMeeting(.value($0.otherMeetingID)).path }),
        // Posting and voting also need a registration for the series, which nobody has in the foreign one.
        post(
            SiteURL.lunchItems(.key), { SiteURL.lunchItems(.value($0.meetingID)).path }, BoardFeature.members,
            foreign: { SiteURL.lunchItems(.value($0.otherMeetingID)).path }, foreignAllowed: []),
        post(
            SiteURL.lunchVote(.key, .key), { SiteURL.lunchVote(.value($0.meetingID), .value($0.itemID)).path }, BoardFeature.members,
            .redirectElsewhere, foreign: { SiteURL.lunchVote(.value($0.otherMeetingID), .value($0.otherItemID)).path }, foreignAllowed: []
        ).running(.changes(0)),  // before the registration row signs the lead up for the foreign series
        post(
            SiteURL.lunchAnswered(.key, .key), { SiteURL.lunchAnswered(.value($0.meetingID), .value($0.itemID)).path }, teachers,
            .redirectElsewhere, foreign: { SiteURL.lunchAnswered(.value($0.otherMeetingID), .value($0.otherItemID)).path }
        ).running(.changes(2)),
        post(
            SiteURL.lunchNotes(.key), { SiteURL.lunchNotes(.value($0.meetingID)).path }, teachers,
            foreign: { SiteURL.lunchNotes(.value($0.otherMeetingID)).path }),
    ]
}

extension NotificationsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.notificationChoices, { _ in SiteURL.notificationChoices.path }, BoardFeature.members),
        // Nothing chosen is nothing changed: saved, back to the page.
        post(SiteURL.notificationChoices, { _ in SiteURL.notificationChoices.path }, BoardFeature.members, .redirectElsewhere),
    ]
}
