import CohesionPlatform
import Foundation
import NIOCore
import Vapor

@testable import CohesionApp

/// A browser behind a reverse proxy: its requests reach the app from the proxy's address
/// (`peer`) with the client's address in `X-Forwarded-For`, as nginx on the same host sends them.
/// Keeps the session cookie and the CSRF token of the last page, like `Browser`.
struct ProxiedBrowser {
    let app: Application
    var forwardedFor: String?
    var peer = "127.0.0.1"
    private(set) var sessionCookie: String?
    private var csrfToken: String?

    init(_ app: Application, forwardedFor: String?) {
        self.app = app
        self.forwardedFor = forwardedFor
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> Response {
        try await send(.GET, path, body: nil)
    }

    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> Response {
        let all = fields + (csrfToken.map { [("_csrf", $0)] } ?? [])
        return try await send(.POST, path, body: all.map { Browser.encode($0.0) + "=" + Browser.encode($0.1) }.joined(separator: "&"))
    }

    private mutating func send(_ method: HTTPMethod, _ path: String, body: String?) async throws -> Response {
        var headers = HTTPHeaders()
        if let forwardedFor { headers.add(name: .xForwardedFor, value: forwardedFor) }
        if let sessionCookie { headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(sessionCookie)") }
        if body != nil { headers.contentType = .urlEncodedForm }
        let request = Request(
            application: app, method: method, url: URI(path: path), headers: headers,
            collectedBody: body.map { ByteBuffer(string: $0) }, remoteAddress: try SocketAddress(ipAddress: peer, port: 50_000),
            logger: app.logger,
            on: app.eventLoopGroup.next())
        let response = try await app.responder.respond(to: request).get()
        if let cookie = response.cookies[SessionStore.cookieName] {
            sessionCookie = cookie.string.isEmpty || cookie.maxAge == 0 ? nil : cookie.string
        }
        if let token = Browser.csrfToken(in: response.body.string ?? "") { csrfToken = token }
        return response
    }
}
