import CohesionPlatform
import Foundation
import Testing
import Vapor

@testable import CohesionApp

/// A real `cohesion serve` process on the test's database, for what only a separate process can show:
/// a kill in the middle of writes, two instances on one database.
final class ServerProcess: @unchecked Sendable {
    static let executable = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/cohesion")

    let port: Int
    let process = Process()
    let log: URL
    /// Where this instance writes the mails it sends.
    let mailDirectory: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Starts the server on `database` and waits until it answers `/healthz`.
    init(
        database: AppConfig.Database, port: Int? = nil, baseURL: String? = nil, environment extra: [String: String] = [:],
        client: any Client
    ) async throws {
        self.port = try port ?? Self.freePort()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cohesion-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        log = directory.appendingPathComponent("server.log")
        mailDirectory = directory.appendingPathComponent("mail")
        guard FileManager.default.createFile(atPath: log.path, contents: nil) else { throw Abort(.internalServerError, reason: "no log file") }
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "DATABASE_URL")
        environment.removeValue(forKey: "COHESION_DB")
        switch database {
        case .sqlite(let path): environment["COHESION_DB"] = path
        case .postgres(let url, _): environment["DATABASE_URL"] = url
        }
        environment["BCRYPT_COST"] = "4"
        environment["BASE_URL"] = baseURL ?? "http://127.0.0.1:\(self.port)"
        environment["MAIL_DIR"] = mailDirectory.path
        environment["API_RATE_LIMIT"] = "1000000"
        environment.merge(extra) { _, given in given }
        process.executableURL = Self.executable
        process.arguments = ["serve", "--hostname", "127.0.0.1", "--port", "\(self.port)", "--log", "warning"]
        process.environment = environment
        let output = try FileHandle(forWritingTo: log)
        process.standardOutput = output
        process.standardError = output
        try process.run()
        for _ in 0..<150 {
            if let answer = try? await client.get(URI(string: self.baseURL + "/healthz")), answer.status == .ok { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        stop(signal: SIGKILL)
        throw Abort(.internalServerError, reason: "server did not start: \(text)")
    }

    /// SIGKILL: no shutdown at all. SIGTERM: the graceful stop.
    func stop(signal: Int32 = SIGTERM) {
        guard process.isRunning else { return }
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    deinit { stop(signal: SIGKILL) }

    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw Abort(.internalServerError, reason: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A visitor of a separate server: keeps the session cookie and the form token like a browser.
struct RemoteBrowser: Sendable {
    let client: any Client
    var baseURL: String
    var cookie: String?
    var csrf: String?

    init(_ client: any Client, baseURL: String) {
        self.client = client
        self.baseURL = baseURL
    }

    @discardableResult
    mutating func get(_ path: String) async throws -> ClientResponse {
        let response = try await client.get(URI(string: baseURL + path), headers: headers())
        remember(response)
        return response
    }

    @discardableResult
    mutating func post(_ path: String, _ fields: [(String, String)]) async throws -> ClientResponse {
        var form = fields
        if let csrf { form.append((CSRFMiddleware.field, csrf)) }
        let body = form.map { "\(Self.escape($0.0))=\(Self.escape($0.1))" }.joined(separator: "&")
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let response = try await client.post(URI(string: baseURL + path), headers: headers) { request in
            request.body = ByteBuffer(string: body)
        }
        remember(response)
        return response
    }

    mutating func login(email: String, password: String) async throws {
        try await get(SiteURL.login.path)
        let response = try await post(SiteURL.login.path, [("email", email), ("password", password)])
        guard response.status == .seeOther else { throw Abort(.unauthorized, reason: "login of \(email): \(response.status)") }
        try await get(SiteURL.home.path)
    }

    private func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(cookie)") }
        return headers
    }

    private mutating func remember(_ response: ClientResponse) {
        for line in response.headers[.setCookie] where line.hasPrefix(SessionStore.cookieName + "=") {
            cookie = String(line.dropFirst(SessionStore.cookieName.count + 1).prefix { $0 != ";" })
        }
        if let body = response.body.map({ String(buffer: $0) }),
            let range = body.range(of: "name=\"\(CSRFMiddleware.field)\" value=\"")
        {
            csrf = String(body[range.upperBound...].prefix { $0 != "\"" })
        }
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }
}
