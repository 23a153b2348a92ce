import CohesionCore
import CohesionPlatform
import Vapor

/// The access rule of every API operation, keyed by its `operationId` in the OpenAPI document. The
/// same questions as the pages' rules: the role, and where an object is named, whether the caller
/// may use that object. The server refuses to start with an operation that has no rule, and a test
/// finds a rule whose operation is gone.
enum APIRules {
    static let open = AccessRule.everyone("öffentlich")
    static let signedIn = AccessRule.roles(Set(Role.allCases), "alle mit Token, nur Eigenes")
    static let ownOrAll = AccessRule.roles([.participant, .lead, .admin], "Teilnehmer*innen die eigenen, Programmleitung alle")
    // The pages' own rules, so page and API cannot answer differently.
    static let partMembers = RegistrationFeature.members
    static let recorders = AttendanceFeature.recorders
    static let surveyReaders = FeedbackFeature.surveyReaders

    static let table: [String: AccessRule] = [
        "listProgrammes": open,
        "getPart": open,
        "updatePart": .leadArea,
        "createUnit": .leadArea,
        "updateUnit": .leadArea,
        "deleteUnit": .leadArea,
        "listRegions": open,
        "getRegion": open,
        "getRegionProfile": open,
        "verifyCertificate": AccessRule.everyone("alle: der Prüfcode ist das Geheimnis"),
        "getMe": signedIn,
        "listOwnAttendance": signedIn,
        "listOwnSelfAssessments": signedIn,
        "listOwnCertificates": signedIn,
        "listRegistrations": ownOrAll,
        "putRegistration": partMembers,
        "deleteRegistration": partMembers,
        "getUnitAttendance": recorders,
        "putAttendance": recorders,
        "getSurveyResults": surveyReaders,
        "getEditionReport": PartnerReportsFeature.assignedPartner,
        "getBoard": BoardAudience.rule,
        "createBoardPost": BoardAudience.rule,
        "listLunchMeetings": AccessRule.roles([.participant, .facilitator, .lead, .admin], "alle mit Token außer Partnern; die Reihen der eigenen Programme"),
        "createLunchItem": LunchAudience.meetingRule,
        "voteLunchItem": LunchAudience.meetingRule,
        "withdrawLunchVote": LunchAudience.meetingRule,
        "searchPortalArticles": AccessRule.roles(Set(Role.allCases), "alle mit Token"),
        "getPortalArticle": AccessRule.roles(Set(Role.allCases), "alle mit Token"),
        "getTeamResult": TopicTeamAudience.member,
        "getTeamResultVersion": TopicTeamAudience.member,
    ]

    /// Every operation of the document by its `operationId`, with the method and the path it has there.
    static func operations(in document: JSONValue) -> [String: (method: String, path: String)] {
        var found: [String: (method: String, path: String)] = [:]
        for (path, item) in document["paths"]?.object ?? [:] {
            for (method, operation) in item.object ?? [:] {
                if let id = operation["operationId"]?.string { found[id] = (method.uppercased(), path) }
            }
        }
        return found
    }
}
