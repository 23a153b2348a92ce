import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Certificates as PDF/A, checked with poppler's tools, and their public verification.
@Suite("Teilnahmebescheinigungen")
struct CertificateTests {
    /// Writes the PDF to a file, runs `command` on it (the path is `$0`) and returns what it prints.
    static func output(of command: String, pdf: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bescheinigung-\(UUID().uuidString).pdf")
        try pdf.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Runs one of poppler's tools on the PDF and returns what it prints.
    static func poppler(_ tool: String, _ arguments: [String], pdf: Data) throws -> String {
        try output(of: "/usr/bin/\(tool) \(arguments.joined(separator: " ")) \"$0\"" + (tool == "pdftotext" ? " -" : ""), pdf: pdf)
    }

    /// What an independent reader (zxing-cpp) finds in the QR code on the first page, rendered at 150 dpi by pdftoppm.
    static func qrText(pdf: Data) throws -> String {
        try output(
            of: """
                pdftoppm -png -r 150 -f 1 -l 1 -singlefile "$0" | python3 -c 'import io, sys, zxingcpp; from PIL import Image
                print("\\n".join(r.text for r in zxingcpp.read_barcodes(Image.open(io.BytesIO(sys.stdin.buffer.read()))) if r.format == zxingcpp.BarcodeFormat.QRCode))'
                """, pdf: pdf
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func rename(_ email: String, to name: String, on db: any Database) async throws -> UUID {
        let user = try #require(try await User.query(on: db).filter(\.$email == email).first())
        user.name = name
        try await user.save(on: db)
        return try user.requireID()
    }

    @Test("issued for everyone who completed, as PDF/A-2b with embedded fonts and any Latin-script name; verified, corrected and revoked")
    func issueVerifyRevoke() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            let ayse = try await Self.rename("a.becker@demo.cohesion.example", to: "Ayşe Yılmaz-Đorđević", on: app.db)
            let nguyen = try await Self.rename("m.yilmaz@demo.cohesion.example", to: "Nguyễn Ağaoğlu Müller-Lüdenscheidt", on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let completion = AdminURL.completion(.value(fixture.editionID)).path
            try await lead.get(completion)
            #expect(try await lead.post(AdminURL.issueCertificates(.value(fixture.editionID)).path).status == .seeOther)
            #expect(try await lead.get(completion).text.contains("9 Bescheinigungen ausgestellt."))
            #expect(try await Certificate.query(on: app.db).count() == 9, "the officer who missed every unit gets none")

            let certificate = try #require(try await Certificate.query(on: app.db).filter(\.$user.$id == ayse).first())
            let text = try Self.poppler("pdftotext", [], pdf: certificate.pdf)
            #expect(text.contains("Teilnahmebescheinigung") && text.contains("Ayşe Yılmaz-Đorđević"))
            #expect(text.contains("Prototyp-Durchlauf 2022/23") && text.contains("Teil 2: Fachkenntnisse und Empowerment"))
            #expect(text.contains("Prüfcode \(certificate.code)"))
            let verificationURL = app.cohesion.config.absoluteURL(SiteURL.verification(.value(certificate.code)).path)
            #expect(try Self.qrText(pdf: certificate.pdf) == verificationURL, "the QR code leads to the verification page")
            #expect(try Self.poppler("pdfinfo", ["-meta"], pdf: certificate.pdf).contains("<pdfaid:part>2</pdfaid:part>"))
            let fonts = try Self.poppler("pdffonts", [], pdf: certificate.pdf).split(separator: "\n").dropFirst(2)
            #expect(!fonts.isEmpty && fonts.allSatisfy { $0.contains(" yes ") }, "every font embedded")
            let other = try #require(try await Certificate.query(on: app.db).filter(\.$user.$id == nguyen).first())
            let otherText = try Self.poppler("pdftotext", [], pdf: other.pdf)
            #expect(otherText.contains("Nguyễn Ağaoğlu Müller") && otherText.contains("Lüdenscheidt"))

            // The participant downloads their own; the public page confirms it and nothing else.
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.myProgramme.path).text.contains("Teilnahmebescheinigung (PDF)"))
            let download = try await participant.get(SiteURL.certificatePDF(.value(try certificate.requireID())).path)
            #expect(download.status == .ok && download.headers.contentType == .pdf)
            var visitor = Browser(app)
            let verified = try await visitor.get(SiteURL.verification(.value(certificate.code.lowercased().replacingOccurrences(of: "-", with: ""))).path)
            #expect(
                verified.status == .ok && verified.text.contains("Diese Bescheinigung ist echt und gültig.") && verified.text.contains("Ayşe Yılmaz-Đorđević"))
            #expect(!verified.text.contains("@demo.cohesion.example") && !verified.text.contains("Konstanz, Universitätsstadt"))

            // A correction: issued again, the code stays and the change is recorded.
            _ = try await Self.rename("m.yilmaz@demo.cohesion.example", to: "Nguyễn Ağaoğlu", on: app.db)
            try await lead.get(completion)
            _ = try await lead.post(AdminURL.issueCertificates(.value(fixture.editionID)).path)
            let corrected = try #require(try await Certificate.find(other.requireID(), on: app.db))
            #expect(corrected.code == other.code)
            #expect(corrected.history.last?.hasSuffix("(Angaben geändert)") == true)

            // Revoked with a reason: the page says so, with the date; the owner can no longer download it.
            try await lead.get(completion)
            let noReason = try await lead.post(AdminURL.revokeCertificate(.value(try certificate.requireID())).path, [("reason", " ")])
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.text.contains("Nicht widerrufen: Bitte den Grund des Widerrufs angeben."))
            #expect(
                noReason.text.contains("<p class=\"field__error\" id=\"widerruf-\(ayse.uuidString.lowercased())-fehler\">"),
                "the message sits at that row's field")
            #expect(try await Certificate.find(certificate.requireID(), on: app.db)?.revokedAt == nil)
            _ = try await lead.post(AdminURL.revokeCertificate(.value(try certificate.requireID())).path, [("reason", "Anwesenheit falsch erfasst")])
            let revoked = try await visitor.get(SiteURL.verification(.value(certificate.code)).path).text
            #expect(revoked.contains("Diese Bescheinigung wurde am") && revoked.contains("widerrufen. Grund: Anwesenheit falsch erfasst"))
            #expect(try await participant.get(SiteURL.certificatePDF(.value(try certificate.requireID())).path).status == .gone)
            #expect(try await visitor.get(SiteURL.verification(.value("ZZZZ-ZZZZ-ZZZZ-ZZZZ")).path).status == .notFound)
        }
    }
}

extension CertificateTests {
    @Test("the lead's own .odt template is checked for its placeholders, used for the PDF/A, and can be replaced by the default again")
    func ownTemplate() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            try await DemoData.seedEvaluation(on: app.db)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let completion = AdminURL.completion(.value(fixture.editionID)).path
            let upload = AdminURL.certificateTemplate(.value(fixture.editionID)).path
            try await lead.get(completion)

            let split = try await MaterialTests.upload(
                &lead, app: app, path: upload, fileName: "vorlage-zerteilt.odt",
                contentType: "application/vnd.oasis.opendocument.text",
                bytes: try SpreadsheetUploadTests.fixture("vorlage-zerteilt.odt"))
            #expect(split.status == .seeOther)
            let refused = try await lead.get(completion).text
            #expect(refused.contains("Vorlage nicht übernommen: Platzhalter fehlen: {{CODE}}. Wurde einer beim Bearbeiten zerteilt"))
            #expect(try await CertificateTemplateRecord.query(on: app.db).count() == 0)

            _ = try await MaterialTests.upload(
                &lead, app: app, path: upload, fileName: "vorlage-eigene.odt",
                contentType: "application/vnd.oasis.opendocument.text",
                bytes: try SpreadsheetUploadTests.fixture("vorlage-eigene.odt"))
            #expect(try await lead.get(completion).text.contains("Die Vorlage „vorlage-eigene.odt“ gilt jetzt für alle Bescheinigungen des Programms."))
            let download = try await lead.get(upload)
            #expect(download.headers.contentType?.description.hasPrefix("application/vnd.oasis.opendocument.text") == true)
            #expect(Array(download.body.readableBytesView).starts(with: Array("PK".utf8)))

            _ = try await lead.post(AdminURL.issueCertificates(.value(fixture.editionID)).path)
            let certificate = try #require(try await Certificate.query(on: app.db).filter(\.$user.$id == fixture.participantID).first())
            let text = try Self.poppler("pdftotext", [], pdf: certificate.pdf)
            #expect(text.contains("Eigene Vorlage der Stadt Musterhausen") && text.contains("Anna Becker") && text.contains(certificate.code))
            #expect(try Self.poppler("pdfinfo", ["-meta"], pdf: certificate.pdf).contains("<pdfaid:part>2</pdfaid:part>"))

            try await lead.get(completion)
            _ = try await lead.post(AdminURL.defaultCertificateTemplate(.value(fixture.editionID)).path)
            #expect(try await CertificateTemplateRecord.query(on: app.db).count() == 0)
        }
    }
}
