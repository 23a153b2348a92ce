import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension APIFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(APIURL.openAPI, { _ in "/api/v1/openapi.json" }, everyone),
        get(APIURL.programmes, { _ in "/api/v1/programmes" }, everyone),
        get(APIURL.part(.key), { "/api/v1/parts/\($0.fixture.partID)" }, everyone),
        get(APIURL.region(.key), { _ in "/api/v1/regions/08335" }, everyone),
        api(.GET, "/api/v1/regions/:key/profile", { _ in "/api/v1/regions/08335/profile" }, everyone),
        get(APIURL(["regions"]), { _ in "/api/v1/regions?q=konstanz&limit=2" }, everyone),
        api(.GET, "/api/v1/verifications/:code", { _ in "/api/v1/verifications/AAAA-BBBB-CCCC-DDDD" }, everyone),
        api(.GET, "/api/v1/me", { _ in "/api/v1/me" }, signedIn),
        api(.GET, "/api/v1/me/attendance", { _ in "/api/v1/me/attendance" }, signedIn),
        api(.GET, "/api/v1/me/self-assessments", { _ in "/api/v1/me/self-assessments" }, signedIn),
        api(.GET, "/api/v1/me/certificates", { _ in "/api/v1/me/certificates" }, signedIn),
        api(.GET, "/api/v1/registrations", { _ in "/api/v1/registrations" }, lead.union(participant)),
        // The fixture's part has begun: participants may not change their registration any more (409).
        api(
            .PUT, "/api/v1/parts/:part/registration", { "/api/v1/parts/\($0.fixture.partID)/registration" }, participant,
            .status(.unprocessableEntity), foreign: { "/api/v1/parts/\($0.otherPartID)/registration" }, foreignAllowed: []),
        api(
            .DELETE, "/api/v1/parts/:part/registration", { "/api/v1/parts/\($0.fixture.partID)/registration" }, participant,
            .status(.conflict), foreign: { "/api/v1/parts/\($0.otherPartID)/registration" }, foreignAllowed: []
        ).running(.deletes(0)),
        api(
            .GET, "/api/v1/units/:unit/attendance", { "/api/v1/units/\($0.fixture.unitID)/attendance" }, teachersAll,
            foreign: { "/api/v1/units/\($0.otherUnitID)/attendance" }),
        api(
            .PUT, "/api/v1/units/:unit/attendance/:person", { "/api/v1/units/\($0.fixture.unitID)/attendance/\($0.fixture.participantID)" },
            teachersAll, .status(.unprocessableEntity),
            foreign: { "/api/v1/units/\($0.otherUnitID)/attendance/\($0.fixture.participantID)" }),
        api(
            .GET, "/api/v1/surveys/:survey/results", { "/api/v1/surveys/\($0.ownSurveyID)/results" }, teachersAll,
            foreign: { "/api/v1/surveys/\($0.otherSurveyID)/results" }),
        api(
            .GET, "/api/v1/editions/:edition/report", { "/api/v1/editions/\($0.fixture.editionID)/report" }, [.partner, .lead, .admin],
            foreign: { "/api/v1/editions/\($0.otherEditionID)/report" }),
        api(
            .GET, "/api/v1/editions/:edition/board", { "/api/v1/editions/\($0.fixture.editionID)/board" }, BoardFeature.members,
            foreign: { "/api/v1/editions/\($0.otherEditionID)/board" }),
        // The body is required: an empty object is refused before anything is written.
        api(
            .POST, "/api/v1/editions/:edition/board/posts", { "/api/v1/editions/\($0.fixture.editionID)/board/posts" }, BoardFeature.members,
            .status(.unprocessableEntity), foreign: { "/api/v1/editions/\($0.otherEditionID)/board/posts" }),
        api(.GET, "/api/v1/portal/articles", { _ in "/api/v1/portal/articles?q=Netzwerk" }, signedIn),
        api(.GET, "/api/v1/portal/articles/:article", { "/api/v1/portal/articles/\($0.articleID)" }, signedIn),
        api(
            .GET, "/api/v1/teams/:team/result", { "/api/v1/teams/\($0.teamID)/result" }, BoardFeature.members,
            foreign: { "/api/v1/teams/\($0.otherTeamID)/result" }, foreignAllowed: []),
        api(
            .GET, "/api/v1/teams/:team/result/versions/:number", { "/api/v1/teams/\($0.teamID)/result/versions/1" }, BoardFeature.members,
            foreign: { "/api/v1/teams/\($0.otherTeamID)/result/versions/1" }, foreignAllowed: []),
        api(.GET, "/api/v1/lunch-meetings", { _ in "/api/v1/lunch-meetings" }, BoardFeature.members),
        api(
            .POST, "/api/v1/lunch-meetings/:meeting/items", { "/api/v1/lunch-meetings/\($0.meetingID)/items" }, BoardFeature.members,
            .status(.unprocessableEntity), foreign: { "/api/v1/lunch-meetings/\($0.otherMeetingID)/items" }),
        // Voting needs a registration for the series, which nobody has in the foreign one.
        api(
            .PUT, "/api/v1/lunch-meetings/:meeting/items/:item/vote", { "/api/v1/lunch-meetings/\($0.meetingID)/items/\($0.itemID)/vote" },
            BoardFeature.members, .status(.noContent), foreign: { "/api/v1/lunch-meetings/\($0.otherMeetingID)/items/\($0.otherItemID)/vote" },
            foreignAllowed: []
        ).running(.changes(0)),
        api(
            .DELETE, "/api/v1/lunch-meetings/:meeting/items/:item/vote", { "/api/v1/lunch-meetings/\($0.meetingID)/items/\($0.itemID)/vote" },
            BoardFeature.members, .status(.noContent),
            foreign: { "/api/v1/lunch-meetings/\($0.otherMeetingID)/items/\($0.otherItemID)/vote" }, foreignAllowed: []
        ).running(.changes(0)),  // before the registration row signs the lead up for the foreign series
        api(.PATCH, "/api/v1/parts/:part", { "/api/v1/parts/\($0.fixture.partID)" }, lead),
        api(.POST, "/api/v1/parts/:part/units", { "/api/v1/parts/\($0.fixture.partID)/units" }, lead, .status(.unprocessableEntity)),
        api(.PATCH, "/api/v1/units/:unit", { "/api/v1/units/\($0.fixture.unitID)" }, lead, .status(.noContent)),
        api(.DELETE, "/api/v1/units/:unit", { "/api/v1/units/\($0.spareUnitID)" }, lead, .status(.noContent)).running(.deletes(0)),
    ]
}
