import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// A value typed anywhere must not add a recipient or a header to a mail: every header value is
/// encoded, and sendmail gets the recipient as an argument. Each mail Cohesion writes is sent
/// with `\r\nBcc:` in every value that reaches it, and read back by Python's `email` package.
@Suite("Mail header injection", .serialized)
struct MailHeaderInjectionTests {
    static let hostile = "Kommune\r\nBcc: spion@example.org\r\nCc: spion2@example.org\nX-Extra: ja"
    static let headerNames: Set<String> = ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"]

    /// A sendmail that keeps its arguments and the message it reads, one pair of files per call.
    struct RecordingSendmail {
        let directory: URL
        var program: String { directory.appendingPathComponent("sendmail").path }
        var inbox: URL { directory.appendingPathComponent("inbox") }
        static let from = "Fortbildung \"Süd\" <fortbildung@example.de>"

        /// The app delivers through this sendmail, from a sender whose name needs quoting.
        func deliver(for app: Application) {
            var config = app.cohesion.config
            config.mailTransport = .sendmail
            config.sendmailPath = program
            config.mailFrom = Self.from
            app.cohesion.mailer = Mailer(config: config)
        }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("sendmail-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("inbox"), withIntermediateDirectories: true)
            let script = """
                #!/bin/sh
                name="\(inbox.path)/$(date +%s%N)-$$"
                printf '%s\\n' "$@" > "$name.args"
                cat > "$name.eml"
                """
            try script.write(toFile: program, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: program)
        }
    }

    struct ReadMessage: Decodable {
        let file: String
        let args: [String]
        let headers: [[String]]
        let addressed: [String]
        let defects: [String]
        func header(_ name: String) -> [String] { headers.filter { $0[0].lowercased() == name.lowercased() }.map { $0[1] } }
    }

    static func read(_ sendmail: RecordingSendmail) throws -> [ReadMessage] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/read_mail.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, sendmail.inbox.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([ReadMessage].self, from: data)
    }

    @Test("invitation, password reset, waitlist promotion, survey and peer message: exactly the intended recipient and headers, whatever the values hold")
    func everyMail() async throws {
        let sendmail = try RecordingSendmail()
        defer { try? FileManager.default.removeItem(at: sendmail.directory) }
        var intended: [String: String] = [:]  // recipient → what the subject starts with
        try await withApp { app, _ in
            sendmail.deliver(for: app)
            let fixture = try await Fixture.load(app)

            // Invitation: the edition's title and the invitee's name as a list or a database could hold them.
            let edition = try #require(try await Edition.find(fixture.editionID, on: app.db))
            edition.title = Self.hostile
            try await edition.save(on: app.db)
            try await Invitations.invite(
                name: Self.hostile, email: "neu@kommune.example", ags: "", editionID: fixture.editionID,
                services: app.cohesion, on: app.db)
            intended["neu@kommune.example"] = "Einladung: Kommune"

            // Password reset for a person whose name holds the value.
            let participant = try #require(try await User.find(fixture.participantID, on: app.db))
            participant.name = Self.hostile
            try await participant.save(on: app.db)
            var visitor = Browser(app)
            try await visitor.get(SiteURL.forgotPassword.path)
            _ = try await visitor.post(SiteURL.forgotPassword.path, [("email", participant.email)])
            intended[participant.email] = "Cohesion: Passwort zurücksetzen"

            // Waitlist promotion in a part whose title holds it.
            let part = try #require(try await Part.find(fixture.partID, on: app.db))
            part.title = Self.hostile
            try await part.save(on: app.db)
            try await RegistrationTests.setCapacity(1, of: fixture.partID, on: app.db)
            let others = try await User.query(on: app.db).filter(\.$role == Role.participant).filter(\.$id != fixture.participantID)
                .sort(\.$email).all()
            let answers = VenueAnswers(overnight: false, diet: .none, dietNote: "", accessibility: "", photoConsent: false)
            for person in others.prefix(2) {
                _ = try await Registrations.register(userID: person.requireID(), partID: fixture.partID, answers: answers, on: app.db)
            }
            _ = try await Registrations.cancel(userID: others[0].requireID(), partID: fixture.partID, services: app.cohesion, on: app.db)
            intended[others[1].email] = "Cohesion: Sie haben einen Platz"

            // A survey whose title holds it, sent to those who attended.
            for person in others.suffix(2)
            where try await Attendance.query(on: app.db).filter(\.$unit.$id == fixture.unitID)
                .filter(\.$user.$id == person.requireID()).first() == nil
            {
                let attendance = Attendance()
                attendance.$unit.id = fixture.unitID
                attendance.$user.id = try person.requireID()
                attendance.status = .present
                try await attendance.create(on: app.db)
            }
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let (surveyID, _) = try await SurveyTests.buildSurvey(fixture, lead: &lead, app: app)
            let survey = try #require(try await Survey.find(surveyID, on: app.db))
            survey.title = Self.hostile
            try await survey.save(on: app.db)
            let pending = try await SurveyAccess.pendingRecipients(surveyID, on: try #require(app.db as? any SQLDatabase))
            #expect(try await lead.post(AdminURL.surveyInvite(.value(surveyID)).path).status == .seeOther)
            for recipient in pending { intended[recipient.email] = "Ihre Rückmeldung: Kommune" }
            #expect(!pending.isEmpty)

            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: Date())
        }
        // A message to a colleague, on a site of its own: the directory needs the demo's officers and their networks.
        try await withApp { app, _ in
            sendmail.deliver(for: app)
            let fixture = try await Fixture.load(app)
            let participant = try #require(try await User.find(fixture.participantID, on: app.db))
            // A message to a colleague from a sender whose name holds it.
            try await DemoRegularRunTests.importOfficersRegions(on: app.db)
            try await DemoData.seedEvaluation(on: app.db)
            try await DemoData.seedRegularRun(on: app.db, hasher: app.password)
            let directory = try await PeerDirectory.load(cache: nil, on: try #require(app.db as? any SQLDatabase))
            let peerID = try #require(directory.suggestions(for: fixture.participantID).first?.person.userID)
            let peer = try #require(try await User.find(peerID, on: app.db))
            var sender = Browser(app)
            participant.name = "Anna Becker"
            try await participant.save(on: app.db)
            try await sender.login(try #require(fixture.accounts[.participant]))
            participant.name = Self.hostile
            try await participant.save(on: app.db)
            try await sender.get(SiteURL.peerMessage(.value(peerID)).path)
            let sent = try await sender.post(SiteURL.peerMessage(.value(peerID)).path, [("message", "Bcc: spion@example.org\r\nHallo")])
            #expect(sent.status == .seeOther)
            intended[peer.email] = "Cohesion: Nachricht von Kommune"

            await app.cohesion.mailer.deliverPending(on: app.db, logger: app.logger, now: Date())
        }
        do {
            let messages = try Self.read(sendmail)
            #expect(Set(messages.map { $0.args.last ?? "" }) == Set(intended.keys), "every intended mail went out, and no other")
            for message in messages {
                let recipient = message.args.last ?? ""
                #expect(message.args == ["-i", "--", recipient], "\(message.file): recipient as an argument, never -t")
                #expect(message.addressed == [recipient], "\(message.file): addressed to \(message.addressed)")
                #expect(Set(message.headers.map { $0[0] }) == Self.headerNames, "\(message.file): \(message.headers.map { $0[0] })")
                #expect(message.headers.count == Self.headerNames.count, "\(message.file): each header once")
                #expect(message.defects.isEmpty, "\(message.file): \(message.defects)")
                #expect(
                    message.header("From") == ["\"Fortbildung \\\"Süd\\\"\" <fortbildung@example.de>"]
                        || message.header("From") == ["Fortbildung \"Süd\" <fortbildung@example.de>"],
                    "\(message.file): \(message.header("From"))")
                let subject = try #require(message.header("Subject").first)
                #expect(subject.hasPrefix(intended[recipient] ?? "?"), "\(message.file): \(subject)")
                #expect(!subject.contains("\n") && !subject.contains("\r"))
            }
        }
    }

    @Test("header values: line breaks become spaces, non-ASCII and look-alike encoded words travel as encoded words of at most 75 characters")
    func headerValues() throws {
        #expect(MailHeader.unstructured("Einladung\r\nBcc: a@b.de") == "Einladung  Bcc: a@b.de")
        #expect(MailHeader.unstructured("=?utf-8?B?QmNjOg==?=").hasPrefix("=?utf-8?B?"))
        let long = MailHeader.unstructured("Einladung: " + String(repeating: "Fortbildung für Integrationsbeauftragte ", count: 8))
        for line in long.components(separatedBy: "\r\n") {
            #expect(line.trimmingCharacters(in: .whitespaces).count <= 75)
            #expect(line.trimmingCharacters(in: .whitespaces).hasPrefix("=?utf-8?B?"))
        }
        #expect(MailAddress("Cohesion <cohesion@localhost>")?.address == "cohesion@localhost")
        #expect(MailAddress("a@b.de\r\nBcc: c@d.de") == nil)
        #expect(MailAddress("a@b.de, c@d.de") == nil)
        #expect(MailAddress("Jürgen Weiß <jw@example.de>")?.header.hasPrefix("=?utf-8?B?") == true)
        #expect(throws: MailMessage.Invalid.self) {
            try MailMessage(from: MailAddress("a@b.de")!, to: "x@y.de\nBcc: z@w.de", subject: "", body: "", date: Date(), id: UUID())
        }
    }
}
