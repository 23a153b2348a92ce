import CohesionCore
import Vapor

/// Who may use a route: the roles it is open to and, for a route that names an object (an
/// edition, a part, a unit, a survey …), whether this person may use *that* object. Every route
/// is registered with a rule (`RoutesBuilder.get(_:_:use:)`), and the application refuses to
/// start when one is missing (`AccessRule.requireRules(on:)`).
package struct AccessRule: Sendable, CustomStringConvertible {
    package enum Audience: Sendable, Equatable {
        case everyone
        case roles(Set<Role>)
    }

    /// Decides for a signed-in user whose role is in the audience; `false` answers 403.
    package typealias ObjectCheck = @Sendable (Request, CurrentUser) async throws -> Bool

    package let audience: Audience
    /// In words, for the route list and for test messages.
    package let description: String
    package let objectCheck: ObjectCheck?

    /// Open to everyone, signed in or not; what the route shows must be public or guarded by a
    /// secret in the address (a one-time link, a calendar token).
    package static func everyone(_ description: String) -> AccessRule {
        AccessRule(audience: .everyone, description: description, objectCheck: nil)
    }

    /// Open to signed-in users with one of `roles`; where the route names an object, `object`
    /// decides for that user and that object.
    package static func roles(_ roles: Set<Role>, _ description: String, object: ObjectCheck? = nil) -> AccessRule {
        AccessRule(audience: .roles(roles), description: description, objectCheck: object)
    }

    package func allows(_ role: Role?) -> Bool {
        switch audience {
        case .everyone: true
        case .roles(let roles): role.map(roles.contains) ?? false
        }
    }

    package static let userInfoKey = "cohesion.access"
}

extension Route {
    /// The rule the route was registered with.
    package var accessRule: AccessRule? { userInfo[AccessRule.userInfoKey] as? AccessRule }

    package static let featureKey = "cohesion.feature"
    /// The feature that registered the route (its type's name), for the route list and the access table.
    package var feature: String? { userInfo[Self.featureKey] as? String }
}

extension AccessRule {
    package struct MissingRules: Error, CustomStringConvertible {
        package let routes: [String]
        package var description: String {
            "Routen ohne Zugriffsregel (jede Route braucht eine): " + routes.joined(separator: ", ")
        }
    }

    /// Refuses to go on when any route was registered without a rule.
    package static func requireRules(on routes: Routes) throws {
        let missing = routes.all.filter { $0.accessRule == nil }
            .map { "\($0.method.rawValue) /\($0.path.map(\.description).joined(separator: "/"))" }
        if !missing.isEmpty { throw MissingRules(routes: missing) }
    }
}

/// Applies a route's rule: anonymous visitors are sent to the login page (and come back
/// afterwards; the API answers 401), a wrong role or a foreign object gets 403.
package struct AccessGate: AsyncMiddleware {
    package let rule: AccessRule

    package func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard case .roles(let roles) = rule.audience else { return try await next.respond(to: req) }
        guard let user = req.user else {
            if req.isAPI {
                throw AppError(.unauthorized, "Bitte mit einem API-Token anfragen: „Authorization: Bearer …“ (Token auf der Seite „Mein Konto“).")
            }
            let back = req.method == .GET ? req.url.string : "/"
            return req.redirect(to: SiteURL.login.path + "?weiter=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"))
        }
        guard roles.contains(user.role) else { throw forbidden(req) }
        if let check = rule.objectCheck, try await !check(req, user) { throw forbidden(req) }
        return try await next.respond(to: req)
    }

    private func forbidden(_ req: Request) -> any Error {
        req.isAPI ? AppError.forbidden("Kein Zugriff. Erlaubt für: \(rule.description).") : AppError.forbidden()
    }

    package init(rule: AccessRule) {
        self.rule = rule
    }
}
