import Fluent
import Foundation
import Tagged
import Vapor

/// A path parameter with the type of its value. The feature that owns an object declares its
/// parameter once (`RouteParameter<EditionID>.edition`); the address writes it (`Param.component`)
/// and the handler reads it typed (`try req.parameters.require(.edition)`), so a handler cannot
/// read an edition's id where the route names a part. The name is the same on every route under
/// one prefix, as the router demands.
package struct RouteParameter<Value: Sendable>: Sendable {
    package let name: String
    private let parse: @Sendable (String) -> Value?

    package init(_ name: String, parse: @escaping @Sendable (String) -> Value?) {
        self.name = name
        self.parse = parse
    }

    package func value(from text: String) -> Value? { parse(text) }
}

extension RouteParameter {
    /// An object's id in the path: a UUID tagged with the object's type.
    package static func id<Object>(_ name: String) -> RouteParameter<Tagged<Object, UUID>> {
        RouteParameter<Tagged<Object, UUID>>(name) { UUID(uuidString: $0).map(Tagged.init(rawValue:)) }
    }
}

extension Parameters {
    /// The parameter's value; a missing or malformed one is a page that does not exist (404).
    package func require<Value>(_ parameter: RouteParameter<Value>) throws -> Value {
        guard let text = get(parameter.name), let value = parameter.value(from: text) else { throw AppError.notFound }
        return value
    }
}

extension Param {
    /// This path component: `:name` when registering the route, the value when linking to it.
    package func component<Parameter>(_ parameter: RouteParameter<Parameter>) -> String { component(parameter.name) }
}

extension Model where IDValue == UUID {
    /// The object with this typed id, if there is one.
    package static func find(_ id: Tagged<Self, UUID>, on db: any Database) async throws -> Self? {
        try await find(id.rawValue, on: db)
    }
}

/// A person's id, where a route names a person (an account, a participant, a peer).
package typealias UserID = Tagged<User, UUID>

extension RouteParameter<UserID> {
    /// The person a route is about.
    package static var person: RouteParameter<UserID> { .id("person") }
}
