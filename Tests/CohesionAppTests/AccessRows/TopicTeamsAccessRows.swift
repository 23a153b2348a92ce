import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension TopicTeamsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.topicTeams, { _ in SiteURL.topicTeams.path }, BoardFeature.members),
        post(SiteURL.topicTeams, { _ in SiteURL.topicTeams.path }, BoardFeature.members),
        // Everyone who takes part in teams sees any team's page; what it shows depends on membership.
        get(
            SiteURL.topicTeam(.key), { SiteURL.topicTeam(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeam(.value($0.otherTeamID)).path }, foreignAllowed: BoardFeature.members),
        // Members already: nothing changes. Joining the stranger's team does, so it runs after the reads.
        post(
            SiteURL.topicTeamJoin(.key), { SiteURL.topicTeamJoin(.value($0.teamID)).path }, BoardFeature.members, .redirectElsewhere,
            foreign: { SiteURL.topicTeamJoin(.value($0.otherTeamID)).path }, foreignAllowed: BoardFeature.members
        ).running(.changes(5)),
        post(
            SiteURL.topicTeamPosts(.key), { SiteURL.topicTeamPosts(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamPosts(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []),
        get(
            SiteURL.topicTeamResult(.key), { SiteURL.topicTeamResult(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamResult(.value($0.otherTeamID)).path }, foreignAllowed: []),
        post(
            SiteURL.topicTeamResult(.key), { SiteURL.topicTeamResult(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamResult(.value($0.otherTeamID)).path }, foreignAllowed: []),
        get(
            SiteURL.topicTeamVersions(.key), { SiteURL.topicTeamVersions(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamVersions(.value($0.otherTeamID)).path }, foreignAllowed: []),
        post(
            SiteURL.topicTeamFinish(.key), { SiteURL.topicTeamFinish(.value($0.teamID)).path }, BoardFeature.members, .redirectElsewhere,
            foreign: { SiteURL.topicTeamFinish(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []
        ).running(.changes(6)),
        // A form without a file is refused; only members may send one.
        post(
            SiteURL.topicTeamDocuments(.key), { SiteURL.topicTeamDocuments(.value($0.teamID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamDocuments(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []),
        get(
            SiteURL.topicTeamDocument(.key, .key), { SiteURL.topicTeamDocument(.value($0.teamID), .value($0.documentID)).path }, BoardFeature.members,
            foreign: { SiteURL.topicTeamDocument(.value($0.otherFinishedTeamID), .value($0.otherDocumentID)).path }, foreignAllowed: []),
        // Only the uploader deletes, while a member.
        post(
            SiteURL.topicTeamDocumentDelete(.key, .key), { SiteURL.topicTeamDocumentDelete(.value($0.teamID), .value($0.documentID)).path },
            participant, .redirectElsewhere,
            foreign: { SiteURL.topicTeamDocumentDelete(.value($0.otherFinishedTeamID), .value($0.otherDocumentID)).path }, foreignAllowed: []
        ).running(.deletes(1)),
        post(
            SiteURL.topicTeamLeave(.key), { SiteURL.topicTeamLeave(.value($0.teamID)).path }, BoardFeature.members, .redirectElsewhere,
            foreign: { SiteURL.topicTeamLeave(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []
        ).running(.deletes(5)),
    ]
}

extension PortalFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.portal, { _ in SiteURL.portal.path }, everyone),
        get(SiteURL.portalFeed, { _ in SiteURL.portalFeed.path }, everyone),
        // A public article: everyone reads it; a non-public one is 404 without an account (PortalTests).
        get(SiteURL.portalArticle(.key), { SiteURL.portalArticle(.value($0.articleID)).path }, everyone),
        post(
            SiteURL.portalConsent(.key), { SiteURL.portalConsent(.value($0.articleID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.portalConsent(.value($0.otherArticleID)).path }, foreignAllowed: []
        ).running(.changes(7)),
        post(
            SiteURL.portalWithdraw(.key), { SiteURL.portalWithdraw(.value($0.articleID)).path }, [.participant, .lead, .admin], .redirectElsewhere,
            foreign: { SiteURL.portalWithdraw(.value($0.otherArticleID)).path }
        ).running(.deletes(0)),
        get(
            SiteURL.portalFromTeam(.key), { SiteURL.portalFromTeam(.value($0.finishedTeamID)).path }, BoardFeature.members,
            foreign: { SiteURL.portalFromTeam(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []),
        post(
            SiteURL.portalFromTeam(.key), { SiteURL.portalFromTeam(.value($0.finishedTeamID)).path }, BoardFeature.members,
            foreign: { SiteURL.portalFromTeam(.value($0.otherFinishedTeamID)).path }, foreignAllowed: []),
        get(
            SiteURL.portalFromProject(.key), { SiteURL.portalFromProject(.value($0.reportedProjectID)).path }, participant,
            foreign: { SiteURL.portalFromProject(.value($0.otherProjectID)).path }, foreignAllowed: []),
        post(
            SiteURL.portalFromProject(.key), { SiteURL.portalFromProject(.value($0.reportedProjectID)).path }, participant,
            foreign: { SiteURL.portalFromProject(.value($0.otherProjectID)).path }, foreignAllowed: []),
    ]
}
