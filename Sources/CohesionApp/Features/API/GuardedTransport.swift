import CohesionPlatform
import HTTPTypes
import OpenAPIRuntime
import OpenAPIVapor
import Vapor

/// Registers the generated API operations on Vapor, each behind the access rule `APIRules` gives its `operationId`,
/// so the API checks role and object exactly as the pages do; an operation without a rule stops the start.
struct GuardedTransport: ServerTransport {
    struct MissingRule: Error, CustomStringConvertible {
        let operation: String
        var description: String { "API-Operation ohne Zugriffsregel: \(operation)" }
    }

    let routes: any RoutesBuilder
    /// What runs before each operation's own checks (the API's context and its token).
    let leading: [any AsyncMiddleware]
    let app: Application
    /// The OpenAPI document, for the limits each operation's input must keep.
    let document: JSONValue
    /// Its operations by `operationId`, read once for all the registrations.
    let operations: [String: (method: String, path: String)]

    init(routes: any RoutesBuilder, leading: [any AsyncMiddleware], app: Application, document: JSONValue) {
        self.routes = routes
        self.leading = leading
        self.app = app
        self.document = document
        self.operations = APIRules.operations(in: document)
    }

    func register(
        _ handler: @Sendable @escaping (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
        method: HTTPRequest.Method, path: String
    ) throws {
        let documentPath = String(path.dropFirst(APIURL.base.count))
        let operation = operations.first { $0.value.method == method.rawValue && $0.value.path == documentPath }?.key
        guard let operation, let rule = APIRules.table[operation] else { throw MissingRule(operation: operation ?? "\(method.rawValue) \(path)") }
        var checks = leading + [AccessGate(rule: rule)]
        if method != .get && method != .head { checks.append(APIWriteScopeGate()) }
        checks.append(APIRequestValidator(document: document, method: method.rawValue, path: documentPath))
        // One group: the checks and the operation run in one task (`AsyncMiddlewareGroup`).
        let guarded = routes.grouped(AsyncMiddlewareGroup(checks))
        try VaporTransport(routesBuilder: guarded).register(handler, method: method, path: path)
        app.routes.all.last?.userInfo[AccessRule.userInfoKey] = rule
    }
}
