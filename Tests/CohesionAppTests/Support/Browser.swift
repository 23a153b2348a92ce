import CohesionCore
import CohesionPlatform
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Plays a browser against the application: keeps the session cookie and the CSRF token of
/// the last page, and sends forms as browsers do.
struct Browser {
    let app: Application
    private(set) var sessionCookie: String?
    private(set) var csrfToken: String?
    /// An API token sent as `Authorization: Bearer …` with every request.
    var bearer: String?

    init(_ app: Application) { self.app = app }

    /// The same session at another instance of the application on the same database.
    func on(_ other: Application) -> Browser {
        var browser = Browser(other)
        browser.sessionCookie = sessionCookie
        browser.csrfToken = csrfToken
        return browser
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let response = try await send(.GET, path, body: nil)
        return response
    }

    /// Sends `fields` url-encoded; the CSRF token of the last page is added unless `csrf` is false.
    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)] = [], csrf: Bool = true) async throws -> TestingHTTPResponse {
        var all = fields
        if csrf, let csrfToken { all.append(("_csrf", csrfToken)) }
        let body = all.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try await send(.POST, path, body: body)
    }

    /// Sends fields whose values are percent-encoded already, so a test can send bytes that are not UTF-8.
    @discardableResult
    mutating func post(_ path: String, encoded fields: [(String, String)]) async throws -> TestingHTTPResponse {
        var all = fields.map { (Self.encode($0.0), $0.1) }
        if let csrfToken { all.append(("_csrf", Self.encode(csrfToken))) }
        return try await send(.POST, path, body: all.map { $0.0 + "=" + $0.1 }.joined(separator: "&"))
    }

    /// Logs in through the form, as a person would.
    mutating func login(_ account: DemoData.Account) async throws {
        try await login(email: account.email, password: account.password)
    }

    mutating func login(email: String, password: String) async throws {
        try await get(SiteURL.login.path)
        let response = try await post(SiteURL.login.path, [("email", email), ("password", password)])
        #expect(response.status == .seeOther, "login of \(email) should redirect")
        try await get(SiteURL.home.path)
    }

    /// An API call: `json` as the body, the bearer token if there is one.
    @discardableResult
    mutating func api(_ method: HTTPMethod, _ path: String, json: String? = nil, headers extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await send(method, path, body: json, contentType: .json, extra: extra)
    }

    private mutating func send(
        _ method: HTTPMethod, _ path: String, body: String?, contentType: HTTPMediaType = .urlEncodedForm,
        extra: HTTPHeaders = [:]
    ) async throws -> TestingHTTPResponse {
        var headers = extra
        if let sessionCookie { headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(sessionCookie)") }
        if let bearer { headers.bearerAuthorization = BearerAuthorization(token: bearer) }
        if body != nil { headers.contentType = contentType }
        let response = try await app.testing().sendRequest(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) })
        if let cookie = response.headers.setCookie?[SessionStore.cookieName] {
            sessionCookie = cookie.string.isEmpty || cookie.maxAge == 0 || cookie.expires.map({ $0 < Date() }) == true ? nil : cookie.string
        }
        if let token = Self.csrfToken(in: response.body.string) { csrfToken = token }
        return response
    }

    static func csrfToken(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

extension TestingHTTPResponse {
    var location: String? { headers.first(name: .location) }
    var text: String { body.string }
}
