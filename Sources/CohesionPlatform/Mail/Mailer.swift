import Fluent
import Foundation
import Logging
import SQLKit

/// Sends mail through the outbox: a message is written to the `outbox` table in the same
/// transaction as the change that causes it, and delivered after that commit. A delivery run
/// first claims the messages it sends, so several instances (or a retry worker beside a
/// request) never deliver one message twice; a failed message waits longer after each try.
package struct Mailer: Sendable {
    package let transport: AppConfig.MailTransport
    package let directory: String
    package let from: MailAddress
    package let sendmailPath: String
    /// How long a claim holds: a run that dies mid-way releases its messages after this.
    package static let claimLifetime: TimeInterval = 5 * 60

    package init(config: AppConfig) {
        transport = config.mailTransport
        directory = config.mailDirectory
        // AppConfig refuses a MAIL_FROM that is not one mailbox, so this fallback is never reached from the environment.
        from = MailAddress(config.mailFrom) ?? MailAddress("cohesion@localhost")!
        sendmailPath = config.sendmailPath
    }

    package static func enqueue(to recipient: String, subject: String, body: String, on db: Database) async throws {
        try await OutboxMessage(recipient: recipient, subject: subject, body: body).create(on: db)
    }

    /// After the n-th failure: 1, 2, 4 … minutes, at most six hours.
    package static func backoff(afterAttempts attempts: Int) -> TimeInterval {
        min(60 * pow(2, Double(max(attempts, 1) - 1)), 6 * 3600)
    }

    /// Claims and delivers the messages that are due at `now`; a failure stays in the outbox with
    /// its error and is tried again after the backoff.
    package func deliverPending(on db: Database, logger: Logger, now: Date) async {
        do {
            for message in try await claimDue(on: db, now: now) {
                do {
                    try await deliver(message)
                    message.sentAt = now
                    message.lastError = nil
                } catch {
                    message.attempts += 1
                    message.lastError = String(describing: error)
                    message.nextAttemptAt = now.addingTimeInterval(Self.backoff(afterAttempts: message.attempts))
                    logger.error("mail not delivered", metadata: ["outbox-id": "\(message.id?.uuidString ?? "")", "error": "\(error)"])
                }
                message.claim = nil
                message.claimedUntil = nil
                try await message.save(on: db)
            }
        } catch {
            logger.error("outbox not readable", metadata: ["error": "\(error)"])
        }
    }

    /// One statement marks the due messages with this run's token. PostgreSQL skips rows another
    /// run has locked; SQLite runs one writer at a time, so the statement is atomic there anyway.
    private func claimDue(on db: Database, now: Date) async throws -> [OutboxMessage] {
        guard let sql = db as? any SQLDatabase else { return [] }
        let token = UUID().uuidString
        let lock: SQLQueryString = sql.dialect.name == "postgresql" ? "FOR UPDATE SKIP LOCKED" : ""
        try await sql.raw(
            """
            UPDATE outbox SET claim = \(bind: token), claimed_until = \(bind: now.addingTimeInterval(Self.claimLifetime))
            WHERE id IN (SELECT id FROM outbox
                         WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= \(bind: now))
                           AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                         ORDER BY created_at LIMIT 100 \(lock))
            """
        ).run()
        return try await OutboxMessage.query(on: db).filter(\.$claim == token).sort(\.$createdAt).all()
    }

    private func deliver(_ message: OutboxMessage) async throws {
        let mail = try MailMessage(
            from: from, to: message.recipient, subject: message.subject, body: message.body,
            date: message.createdAt ?? Date(), id: message.id ?? UUID())
        let eml = mail.rfc5322
        switch transport {
        case .log:
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let name = "\(Int((message.createdAt ?? Date()).timeIntervalSince1970))-\(message.id?.uuidString ?? UUID().uuidString).eml"
            try Data(eml.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
        case .sendmail:
            let status = try await Self.runSendmail(sendmailPath, recipient: mail.to.address, input: Data(eml.utf8))
            guard status == 0 else { throw MailError.sendmailFailed(status: status) }
        }
    }

    /// Runs sendmail and waits for it through its termination handler, so no thread of Swift's
    /// concurrency pool sits blocked while the program works. The recipient is an argument after
    /// `--`, never read from the headers (`-t`): whatever the headers hold, the message goes to
    /// that one address. `-i`: a line with a single dot does not end the message.
    private static func runSendmail(_ path: String, recipient: String, input: Data) async throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "--", recipient]
        let pipe = Pipe()
        process.standardInput = pipe
        return try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
                return
            }
            pipe.fileHandleForWriting.write(input)
            try? pipe.fileHandleForWriting.close()
        }
    }

    package enum MailError: Error, CustomStringConvertible {
        case sendmailFailed(status: Int32)
        package var description: String {
            switch self {
            case .sendmailFailed(let status): "sendmail endete mit Status \(status)"
            }
        }
    }
}
