import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import NIOCore
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

@Suite("Material for units")
struct MaterialTests {
    static let boundary = "----cohesion-test-boundary"

    /// A multipart body as a browser sends it: the CSRF token and one file.
    static func multipart(csrf: String, fileName: String, contentType: String = "application/pdf", bytes: [UInt8]) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        buffer.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"datei\"; filename=\"\(fileName)\"\r\n")
        buffer.writeString("Content-Type: \(contentType)\r\n\r\n")
        buffer.writeBytes(bytes)
        buffer.writeString("\r\n--\(boundary)--\r\n")
        return buffer
    }

    static func upload(
        _ browser: inout Browser, app: Application, unitID: UUID, fileName: String, contentType: String = "application/pdf",
        bytes: [UInt8]
    ) async throws -> TestingHTTPResponse {
        try await browser.get(SiteURL.unitMaterial(.value(unitID)).path)
        return try await upload(&browser, app: app, path: SiteURL.unitMaterial(.value(unitID)).path, fileName: fileName, contentType: contentType, bytes: bytes)
    }

    /// Sends one file as a browser's file form does, with the CSRF token of the last page.
    static func upload(
        _ browser: inout Browser, app: Application, path: String, fileName: String,
        contentType: String = "application/pdf", bytes: [UInt8]
    ) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: "\(SessionStore.cookieName)=\(browser.sessionCookie ?? "")")
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        return try await app.testing().sendRequest(
            .POST, path, headers: headers,
            body: multipart(
                csrf: browser.csrfToken ?? "", fileName: fileName,
                contentType: contentType, bytes: bytes))
    }

    @Test("the lead uploads a file with umlauts; a participant of the edition downloads it unchanged; others get 403")
    func uploadAndDownload() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let bytes: [UInt8] = Array("%PDF-1.4 Präsentation".utf8) + (0..<2000).map { UInt8($0 % 251) }
            let uploaded = try await Self.upload(&lead, app: app, unitID: fixture.unitID, fileName: "Begrüßung & Ziele – Straße.pdf", bytes: bytes)
            #expect(uploaded.status == .seeOther)
            let material = try #require(try await Material.query(on: app.db).first())
            #expect(material.fileName == "Begrüßung & Ziele – Straße.pdf")

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            #expect(try await participant.get(SiteURL.partMaterial(.value(fixture.partID)).path).text.contains("Begrüßung &amp; Ziele – Straße.pdf"))
            let download = try await participant.get(SiteURL.material(.value(try material.requireID())).path)
            #expect(download.status == .ok)
            #expect(Array(download.body.readableBytesView) == bytes)
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(disposition.contains("filename*=UTF-8''Begr%C3%BC%C3%9Fung%20&%20Ziele%20%E2%80%93%20Stra%C3%9Fe.pdf"))
            #expect(disposition.hasPrefix("attachment; filename=\"Begr__ung & Ziele _ Stra_e.pdf\""))

            var partner = Browser(app)
            try await partner.login(try #require(fixture.accounts[.partner]))
            #expect(try await partner.get(SiteURL.material(.value(try material.requireID())).path).status == .forbidden)
            #expect(try await participant.post(SiteURL.deleteMaterial(.value(try material.requireID())).path).status == .forbidden)
            var anonymous = Browser(app)
            #expect(try await anonymous.get(SiteURL.material(.value(try material.requireID())).path).status == .seeOther)
        }
    }

    @Test("a facilitator uploads to their own units only, and participants cannot upload")
    func uploadRights() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var facilitator = Browser(app)
            try await facilitator.login(try #require(fixture.accounts[.facilitator]))
            #expect(try await Self.upload(&facilitator, app: app, unitID: fixture.unitID, fileName: "a.pdf", bytes: Array("%PDF-1.7".utf8)).status == .seeOther)
            let singen = try #require(
                try await Unit.query(on: app.db).filter(\.$title == "Empowerment für Frauen mit Flucht- und Migrationsgeschichte").first())
            #expect(try await facilitator.get(SiteURL.unitMaterial(.value(try singen.requireID())).path).status == .forbidden)
            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let page = try await participant.get(SiteURL.unitMaterial(.value(fixture.unitID)).path)
            #expect(page.status == .ok && !page.text.contains("Material hochladen"))
            #expect(try await Self.upload(&participant, app: app, unitID: fixture.unitID, fileName: "b.pdf", bytes: [1]).status == .forbidden)
            #expect(try await Material.query(on: app.db).count() == 1)
        }
    }

    @Test("an empty upload is explained; a file over the limit gets a German 413 and nothing is stored")
    func limits() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let empty = try await Self.upload(&lead, app: app, unitID: fixture.unitID, fileName: "", bytes: [])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.text.contains("Bitte eine Datei wählen."))
            let limit = app.cohesion.config.materialMaxMegabytes * 1_048_576
            let tooLarge = try await Self.upload(
                &lead, app: app, unitID: fixture.unitID, fileName: "gross.bin",
                bytes: [UInt8](repeating: 7, count: limit + 200_000))
            #expect(tooLarge.status == .payloadTooLarge)
            #expect(tooLarge.text.contains("Die Datei ist größer als 1 MB."))
            #expect(try await Material.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "uploads are judged by their content: a web page named .pdf is refused, and what is stored is served as the kind found, as a download with a clean name"
    )
    func checkedByContent() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let disguised = try await Self.upload(
                &lead, app: app, unitID: fixture.unitID, fileName: "programm.pdf",
                bytes: Array("<html><script>alert(1)</script></html>".utf8))
            #expect(disguised.status == .unsupportedMediaType && disguised.text.contains("„programm.pdf“ wurde nicht angenommen"))
            let script = try await Self.upload(&lead, app: app, unitID: fixture.unitID, fileName: "notizen.txt", bytes: Array("<script>alert(1)</script>".utf8))
            #expect(script.status == .unsupportedMediaType)
            #expect(try await Material.query(on: app.db).count() == 0)

            // As a browser sends it: a quote in a file name arrives as %22, so the name cannot end the header.
            let hostile = "%22><img src=x onerror=alert(1)>rechnung\u{202E}fdp.exe\u{7}.png"
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            #expect(try await Self.upload(&lead, app: app, unitID: fixture.unitID, fileName: hostile, contentType: "text/html", bytes: png).status == .seeOther)
            let stored = try #require(try await Material.query(on: app.db).first())
            #expect(stored.fileName == "%22><img src=x onerror=alert(1)>rechnungfdp.exe.png" && stored.contentType == "image/png")
            let page = try await lead.get(SiteURL.unitMaterial(.value(fixture.unitID)).path).text
            #expect(page.contains("%22&gt;&lt;img src=x onerror=alert(1)&gt;rechnungfdp.exe.png") && !page.contains("<img src=x"))
            let download = try await lead.get(SiteURL.material(.value(try stored.requireID())).path)
            #expect(download.headers.contentType?.serialize() == "image/png")
            let disposition = try #require(download.headers.first(name: .contentDisposition))
            #expect(disposition.hasPrefix("attachment; filename=\"%22><img") && !disposition.contains("\u{202E}") && !disposition.contains("\u{7}"))
        }
    }
}
