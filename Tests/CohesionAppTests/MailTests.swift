import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor

@testable import CohesionApp

@Suite("Mail through the outbox")
struct MailTests {
    @Test("the log transport writes an .eml with an encoded subject and the UTF-8 body")
    func logTransport() async throws {
        try await withApp { app, clock in
            try await Mailer.enqueue(to: "a@example.org", subject: "Passwort zurücksetzen", body: "Grüße aus Konstanz", on: app.db)
            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            let directory = app.cohesion.config.mailDirectory
            let files = try FileManager.default.contentsOfDirectory(atPath: directory)
            #expect(files.count == 1)
            let eml = try String(contentsOfFile: directory + "/" + files[0], encoding: .utf8)
            #expect(eml.contains("To: a@example.org\r\n"))
            #expect(eml.contains("Subject: =?utf-8?B?" + Data("Passwort zurücksetzen".utf8).base64EncodedString() + "?="))
            #expect(eml.contains("Content-Type: text/plain; charset=utf-8"))
            #expect(eml.hasSuffix("\r\n\r\nGrüße aus Konstanz\r\n"))
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$sentAt == nil).count() == 0)
        }
    }

    @Test("the sendmail transport pipes the message to the program; a failure stays in the outbox with its error")
    func sendmailTransport() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let received = directory.appendingPathComponent("received.eml").path
        let working = directory.appendingPathComponent("sendmail").path
        try "#!/bin/sh\n[ \"$*\" = \"-i -- b@example.org\" ] || exit 64\ncat > \(received)\n".write(toFile: working, atomically: true, encoding: .utf8)
        let failing = directory.appendingPathComponent("failing").path
        try "#!/bin/sh\ncat > /dev/null\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        for path in [working, failing] { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path) }

        try await withApp { app, clock in
            var config = app.cohesion.config
            config.mailTransport = .sendmail
            config.sendmailPath = working
            app.cohesion.mailer = Mailer(config: config)
            try await Mailer.enqueue(to: "b@example.org", subject: "Willkommen", body: "Hallo", on: app.db)
            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            #expect(try String(contentsOfFile: received, encoding: .utf8).contains("To: b@example.org"))

            config.sendmailPath = failing
            app.cohesion.mailer = Mailer(config: config)
            try await Mailer.enqueue(to: "c@example.org", subject: "Noch einmal", body: "Hallo", on: app.db)
            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            let stuck = try #require(try await OutboxMessage.query(on: app.db).filter(\.$recipient == "c@example.org").first())
            #expect(stuck.sentAt == nil)
            #expect(stuck.lastError == "sendmail endete mit Status 75")
        }
    }

    @Test("a failed message waits out its backoff, then goes out once")
    func retryWithBackoff() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let failing = directory.appendingPathComponent("failing").path
        try "#!/bin/sh\ncat > /dev/null\nexit 75\n".write(toFile: failing, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: failing)

        try await withApp { app, clock in
            var config = app.cohesion.config
            config.mailTransport = .sendmail
            config.sendmailPath = failing
            let broken = Mailer(config: config)
            try await Mailer.enqueue(to: "d@example.org", subject: "Später", body: "Hallo", on: app.db)
            await broken.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            await broken.deliverPending(on: app.db, logger: app.logger, now: clock.now.addingTimeInterval(30))
            var message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.attempts == 1, "not tried again before the backoff has passed")
            #expect(message.nextAttemptAt.map { abs($0.timeIntervalSince(clock.now) - 60) < 0.01 } == true)

            clock.advance(by: 61)
            await broken.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.attempts == 2)
            #expect(message.nextAttemptAt.map { abs($0.timeIntervalSince(clock.now) - 120) < 0.01 } == true, "the wait doubles")

            clock.advance(by: 121)
            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: clock.now)
            message = try #require(try await OutboxMessage.query(on: app.db).first())
            #expect(message.sentAt.map { abs($0.timeIntervalSince(clock.now)) < 0.01 } == true, "stamped with the app's clock")
            #expect(try FileManager.default.contentsOfDirectory(atPath: app.cohesion.config.mailDirectory).count == 1)
        }
    }

    @Test("two workers on one database deliver each of 250 messages exactly once")
    func twoWorkersDeliverOnce() async throws {
        try await withApp { app, clock in
            for index in 0..<250 { try await Mailer.enqueue(to: "p\(index)@example.org", subject: "Nr. \(index)", body: "Hallo", on: app.db) }
            let first = Mailer(config: app.cohesion.config)
            let second = Mailer(config: app.cohesion.config)
            for _ in 0..<3 {
                async let a: Void = first.deliverPending(on: app.db, logger: app.logger, now: clock.now)
                async let b: Void = second.deliverPending(on: app.db, logger: app.logger, now: clock.now)
                _ = await (a, b)
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: app.cohesion.config.mailDirectory)
            #expect(files.count == 250)
            let recipients = try files.map { try String(contentsOfFile: app.cohesion.config.mailDirectory + "/" + $0, encoding: .utf8) }
                .compactMap { $0.components(separatedBy: "\r\n").first { $0.hasPrefix("To: ") } }
            #expect(Set(recipients).count == 250)
            #expect(try await OutboxMessage.query(on: app.db).filter(\.$sentAt == nil).count() == 0)
        }
    }
}
