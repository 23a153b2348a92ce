import Foundation
import NIOCore

/// Everything Cohesion reads from its environment, parsed once at start.
/// A wrong value stops the start with a message naming every variable that is wrong.
public struct AppConfig: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String, schema: String?)
    }

    public enum MailTransport: String, Sendable {
        case log, sendmail
    }

    public var database: Database
    public var host: String
    public var port: Int
    /// The address people reach Cohesion at; used for links in mails and to decide on `Secure` cookies.
    public var baseURL: URL
    public var mailTransport: MailTransport
    public var mailDirectory: String
    public var mailFrom: String
    public var sendmailPath: String
    public var bcryptCost: Int
    /// The largest file that may be uploaded as material, in megabytes.
    public var materialMaxMegabytes: Int
    /// No figure, chart or free text is shown for fewer answers than this (never below 3).
    public var disclosureMinimum: Int
    /// API requests a minute per token (or per address without one), in bursts up to the same number.
    public var apiRateLimit: Int = 120
    /// Reverse proxies whose `X-Forwarded-For` names the client (their addresses, as the server sees them).
    public var trustedProxies: [String] = []
    /// The bearer token `/metrics` asks for; without one it answers only on the loopback interface.
    public var metricsToken: String?
    /// A session unused this long has ended (seconds; `SESSION_IDLE_MINUTES`).
    public var sessionIdle: TimeInterval = 2 * 60 * 60
    /// Database connections per event loop (`DATABASE_POOL_SIZE`); SQLite writes one at a time anyway.
    public var databasePoolSize: Int = 2
    /// How long a request waits for a free connection before it fails (`DATABASE_POOL_WAIT_SECONDS`).
    public var databasePoolWait: Int = 10
    /// Requests inside the application at once (`MAX_REQUESTS_INSIDE`); more wait at the door in
    /// arrival order (`RequestAdmission`).
    public var maxRequestsInside: Int = 128

    public var secureCookies: Bool { baseURL.scheme == "https" }

    public struct Invalid: Error, CustomStringConvertible {
        public let problems: [String]
        public var description: String {
            "Cohesion kann nicht starten, die Konfiguration ist fehlerhaft:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }

    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) throws -> AppConfig {
        var problems: [String] = []
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
            guard let raw = value(name) else { return fallback }
            guard let number = Int(raw), range.contains(number) else {
                problems.append("\(name)=\(raw): erwartet eine ganze Zahl von \(range.lowerBound) bis \(range.upperBound)")
                return fallback
            }
            return number
        }

        var database = Database.sqlite(path: value("COHESION_DB") ?? "./cohesion.sqlite")
        if let url = value("DATABASE_URL") {
            if let parsed = URL(string: url), ["postgres", "postgresql"].contains(parsed.scheme ?? ""), parsed.host != nil {
                database = .postgres(url: url, schema: value("DATABASE_SCHEMA"))
            } else {
                problems.append("DATABASE_URL: erwartet postgres://BENUTZER:PASSWORT@HOST:PORT/DATENBANK")
            }
        }
        if let schema = value("DATABASE_SCHEMA"), schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) == nil {
            problems.append("DATABASE_SCHEMA=\(schema): nur Kleinbuchstaben, Ziffern und _ erlaubt")
        }
        let port = integer("PORT", default: 8080, in: 1...65535)
        let host = value("HOST") ?? "127.0.0.1"
        var baseURL = URL(string: "http://\(host):\(port)")!
        if let raw = value("BASE_URL") {
            if let url = URL(string: raw), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                baseURL = url
            } else {
                problems.append("BASE_URL=\(raw): erwartet eine Adresse wie https://cohesion.example.de")
            }
        }
        var transport = MailTransport.log
        if let raw = value("MAIL_TRANSPORT") {
            if let parsed = MailTransport(rawValue: raw) {
                transport = parsed
            } else {
                problems.append("MAIL_TRANSPORT=\(raw): erwartet log oder sendmail")
            }
        }
        if let from = value("MAIL_FROM"), MailAddress(from) == nil {
            problems.append("MAIL_FROM=\(MailHeader.singleLine(from)): erwartet eine Adresse wie „Fortbildung <fortbildung@example.de>“")
        }
        let bcryptCost = integer("BCRYPT_COST", default: 12, in: 4...31)
        let materialMax = integer("MATERIAL_MAX_MB", default: 50, in: 1...1024)
        let disclosure = integer("DISCLOSURE_MIN", default: 5, in: 3...100)
        let apiRate = integer("API_RATE_LIMIT", default: 120, in: 1...1_000_000)
        let proxies = (value("TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let idleMinutes = integer("SESSION_IDLE_MINUTES", default: 120, in: 5...720)
        let poolSize = integer("DATABASE_POOL_SIZE", default: 2, in: 1...64)
        let poolWait = integer("DATABASE_POOL_WAIT_SECONDS", default: 10, in: 1...3600)
        let requestsInside = integer("MAX_REQUESTS_INSIDE", default: 128, in: 1...100_000)
        let metricsToken = value("METRICS_TOKEN")
        if let metricsToken, metricsToken.count < 16 { problems.append("METRICS_TOKEN: mindestens 16 Zeichen, damit niemand es errät") }
        if let format = value("LOG_FORMAT"), !["json", "text"].contains(format) { problems.append("LOG_FORMAT=\(format): erwartet json oder text") }
        for proxy in proxies where (try? SocketAddress(ipAddress: proxy, port: 0)) == nil {
            problems.append("TRUSTED_PROXIES=\(value("TRUSTED_PROXIES") ?? ""): „\(proxy)“ ist keine IP-Adresse")
        }
        if !problems.isEmpty { throw Invalid(problems: problems) }
        return AppConfig(
            database: database, host: host, port: port, baseURL: baseURL,
            mailTransport: transport,
            mailDirectory: value("MAIL_DIR") ?? "./mail-outbox",
            mailFrom: value("MAIL_FROM") ?? "Cohesion <cohesion@localhost>",
            sendmailPath: value("SENDMAIL_PATH") ?? "/usr/sbin/sendmail",
            bcryptCost: bcryptCost,
            materialMaxMegabytes: materialMax,
            disclosureMinimum: disclosure,
            apiRateLimit: apiRate,
            trustedProxies: proxies,
            metricsToken: metricsToken,
            sessionIdle: TimeInterval(idleMinutes * 60),
            databasePoolSize: poolSize,
            databasePoolWait: poolWait,
            maxRequestsInside: requestsInside
        )
    }

    /// A link people can open from a mail.
    public func absoluteURL(_ path: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + path
    }
}
