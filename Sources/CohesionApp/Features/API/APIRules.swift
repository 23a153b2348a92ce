import Vapor
import CohesionCore

/// The access rule of every API operation, keyed by method and path as the OpenAPI document names
/// them. The same questions as the pages' rules: the role, and where an object is named, whether
/// the caller may use that object.
enum APIRules {
    static let open = AccessRule.everyone("öffentlich")
    static let signedIn = AccessRule.roles(Set(Role.allCases), "alle mit Token, nur Eigenes")
    static let ownOrAll = AccessRule.roles([.participant, .lead, .admin], "Teilnehmer*innen die eigenen, Programmleitung alle")
    // The pages' own rules, so page and API cannot answer differently.
    static let partMembers = RegistrationFeature.members
    static let recorders = AttendanceFeature.recorders
    static let surveyReaders = FeedbackFeature.surveyReaders

    static let table: [String: AccessRule] = [
        "GET /api/v1/programmes": open,
        "GET /api/v1/parts/{partID}": open,
        "PATCH /api/v1/parts/{partID}": .leadArea,
        "POST /api/v1/parts/{partID}/units": .leadArea,
        "PATCH /api/v1/units/{unitID}": .leadArea,
        "DELETE /api/v1/units/{unitID}": .leadArea,
        "GET /api/v1/regions": open,
        "GET /api/v1/regions/{key}": open,
        "GET /api/v1/verifications/{code}": AccessRule.everyone("alle: der Prüfcode ist das Geheimnis"),
        "GET /api/v1/me": signedIn,
        "GET /api/v1/me/attendance": signedIn,
        "GET /api/v1/me/self-assessments": signedIn,
        "GET /api/v1/me/certificates": signedIn,
        "GET /api/v1/registrations": ownOrAll,
        "PUT /api/v1/parts/{partID}/registration": partMembers,
        "DELETE /api/v1/parts/{partID}/registration": partMembers,
        "GET /api/v1/units/{unitID}/attendance": recorders,
        "PUT /api/v1/units/{unitID}/attendance/{userID}": recorders,
        "GET /api/v1/surveys/{surveyID}/results": surveyReaders,
    ]
}
