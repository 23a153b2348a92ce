import CohesionPlatform
import Vapor

extension AccessRule {
    /// The lead, and facilitators who give a unit of the edition the route names (`:edition`): the
    /// rule of every edition-wide report (needs, change, feedback, the cohort's networks).
    static let editionTeachers = AccessRule.leadOr([.facilitator], "Programmleitung; Referent*innen, die im Durchlauf lehren") { req, user in
        try await Involvement.teaches(user.id, inEdition: req.parameters.require(.edition).rawValue, on: req.sql)
    }
}
