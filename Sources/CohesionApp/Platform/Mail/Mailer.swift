import Fluent
import Foundation
import Logging

/// Sends mail through the outbox: a message is written to the `outbox` table in the same
/// transaction as the change that causes it, and delivered after that commit.
struct Mailer: Sendable {
    let transport: AppConfig.MailTransport
    let directory: String
    let from: String
    let sendmailPath: String

    init(config: AppConfig) {
        transport = config.mailTransport
        directory = config.mailDirectory
        from = config.mailFrom
        sendmailPath = config.sendmailPath
    }

    static func enqueue(to recipient: String, subject: String, body: String, on db: Database) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body).create(on: db)
    }

    /// Delivers every message not yet sent; a failure stays in the outbox with its error for the next try.
    func deliverPending(on db: Database, logger: Logger) async {
        do {
            let pending = try await OutboxMessage.query(on: db).filter(\.$sentAt == nil)
                .sort(\.$createdAt).limit(100).all()
            for message in pending {
                do {
                    try deliver(message)
                    message.sentAt = Date()
                    message.lastError = nil
                } catch {
                    message.lastError = String(describing: error)
                    logger.error("mail not delivered", metadata: ["outbox-id": "\(message.id?.uuidString ?? "")", "error": "\(error)"])
                }
                try await message.save(on: db)
            }
        } catch {
            logger.error("outbox not readable", metadata: ["error": "\(error)"])
        }
    }

    private func deliver(_ message: OutboxMessage) throws {
        let eml = MailMessage(from: from, to: message.recipient, subject: message.subject, body: message.body,
                              date: message.createdAt ?? Date(), id: message.id ?? UUID()).rfc5322
        switch transport {
        case .log:
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let name = "\(Int((message.createdAt ?? Date()).timeIntervalSince1970))-\(message.id?.uuidString ?? UUID().uuidString).eml"
            try Data(eml.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        case .sendmail:
            let process = Process()
            process.executableURL = URL(fileURLWithPath: sendmailPath)
            process.arguments = ["-t", "-i"]
            let input = Pipe()
            process.standardInput = input
            try process.run()
            input.fileHandleForWriting.write(Data(eml.utf8))
            try input.fileHandleForWriting.close()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else {
                throw MailError.sendmailFailed(status: process.terminationStatus)
            }
        }
    }

    enum MailError: Error, CustomStringConvertible {
        case sendmailFailed(status: Int32)
        var description: String {
            switch self {
            case .sendmailFailed(let status): "sendmail endete mit Status \(status)"
            }
        }
    }
}
