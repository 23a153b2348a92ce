import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Hostile strings in every text field of every form each role can open: no 5xx, and whatever is
/// shown back is escaped. Uploads and spreadsheet imports have their own hostile cases in their tests.
@Suite("Hostile input", .serialized)
struct HostileInputTests {
    /// Values as they travel in a form body (percent-encoded), so bytes that are not UTF-8 can be sent too.
    static let corpus: [String] =
        [
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>",
            "javascript:alert(4)",
            "'; DROP TABLE users; --",
            "1' OR '1'='1",
            "=HYPERLINK(\"http://example.com\",\"klick\")",
            "+49 SUM(1+1)",
            "@SUMME(A1:A9)",
            "-1+2",
            "Rechnung\u{202E}fdp.exe",
            "Null\u{0}Byte",
            "Ä" + String(repeating: "ö", count: 60_000),
            "Zeile 1\r\nZeile 2\tTab",
        ].map(Browser.encode) + [
            "M%FCller%C3%28%FF%FE",  // Latin-1 and broken UTF-8 bytes
            "%00%01%1B%5B31m",  // NUL, control and an escape sequence
        ]

    /// Markup that must never reach a page unescaped.
    static let markers = ["<script>alert(", "<img src=x", "<svg onload", "href=\"javascript:"]

    struct FormField { let name: String; let kind: String; let value: String }
    struct FormSpec { let action: String; let fields: [FormField] }

    /// The post forms of a page, read from the markup the application writes.
    static func forms(in html: String) -> [FormSpec] {
        let formPattern = try! NSRegularExpression(pattern: #"<form([^>]*)>(.*?)</form>"#, options: [.dotMatchesLineSeparators])
        let range = NSRange(html.startIndex..., in: html)
        return formPattern.matches(in: html, range: range).compactMap { match in
            let head = String(html[Range(match.range(at: 1), in: html)!])
            let body = String(html[Range(match.range(at: 2), in: html)!])
            guard head.contains("method=\"post\""), !head.contains("multipart"), let action = attribute("action", in: head) else { return nil }
            var fields: [FormField] = []
            for tag in matches(#"<input([^>]*)>"#, in: body) {
                guard let name = attribute("name", in: tag), name != CSRFMiddleware.field else { continue }
                let kind = attribute("type", in: tag) ?? "text"
                if ["checkbox", "radio"].contains(kind) && !tag.contains(" checked") { continue }
                fields.append(FormField(name: name, kind: kind, value: attribute("value", in: tag) ?? ""))
            }
            for tag in matches(#"<textarea([^>]*)>"#, in: body) {
                if let name = attribute("name", in: tag) { fields.append(FormField(name: name, kind: "textarea", value: "")) }
            }
            for select in matches(#"<select([^>]*>.*?)</select>"#, in: body) {
                let options = matches(#"<option[^>]*value="([^"]*)""#, in: select).filter { !$0.isEmpty }
                if let name = attribute("name", in: select) { fields.append(FormField(name: name, kind: "select", value: options.first ?? "")) }
            }
            return FormSpec(action: decodeEntities(action), fields: fields)
        }
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    static func attribute(_ name: String, in tag: String) -> String? {
        matches(" \(name)=\"([^\"]*)\"", in: tag).first.map(decodeEntities)
    }

    static func decodeEntities(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    static let textKinds: Set<String> = ["text", "email", "search", "textarea", "url", "tel", "password"]

    /// A plausible value for fields that are not free text, so the hostile text reaches the checks behind the form's own.
    static func plausible(_ field: FormField) -> String {
        switch field.kind {
        case "number": "3"
        case "date": "2027-03-01"
        case "time": "09:00"
        case "month": "2027-03"
        default: field.value
        }
    }

    /// Forms that end the session or take the role away would stop the walk; they carry no text anyway.
    static func skipped(_ action: String) -> Bool {
        [SiteURL.login.path, SiteURL.logout.path, SiteURL.logoutEverywhere.path].contains(action)
    }

    /// The pages a role opens, from the access table, with the role's own objects.
    static func pages(of role: Role, _ objects: AccessObjects) -> [String] {
        Set(
            AccessTableTests.rows.filter { row in
                row.method == .GET && !row.isAPI && row.allowed.contains(role) && row.answer == .status(.ok)
            }.map { $0.own(objects) }
        ).sorted()
    }

    @Test("every text field of every form each role opens, filled with hostile strings: never a 5xx, and every page shows them escaped")
    func everyForm() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            var submissions = 0
            var formsSeen = Set<String>()
            for role in [Role.admin, .lead, .facilitator, .participant, .partner] {
                var browser = Browser(app)
                try await browser.login(try #require(objects.fixture.accounts[role]))
                let pages = Self.pages(of: role, objects)
                for (pageIndex, page) in pages.enumerated() {
                    let response = try await browser.get(page)
                    guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
                    for form in Self.forms(in: response.text)
                    where !Self.skipped(form.action) && form.fields.contains(where: { Self.textKinds.contains($0.kind) }) {
                        formsSeen.insert(form.action)
                        // Twice: hostile text beside plausible other values, then hostile text in every field.
                        for everywhere in [false, true] {
                            var fields: [(String, String)] = []
                            for (index, field) in form.fields.enumerated() {
                                let hostile = Self.corpus[(pageIndex + index + (everywhere ? 7 : 0)) % Self.corpus.count]
                                let isText = Self.textKinds.contains(field.kind)
                                fields.append((field.name, isText || (everywhere && field.kind != "hidden") ? hostile : Browser.encode(Self.plausible(field))))
                            }
                            try await browser.get(page)
                            let answer = try await browser.post(form.action, encoded: fields)
                            submissions += 1
                            #expect(answer.status.code < 500, "\(role) \(form.action): \(answer.status)")
                            for marker in Self.markers { #expect(!answer.text.contains(marker), "\(role) \(form.action) shows \(marker) unescaped") }
                        }
                    }
                }
                // Whatever was stored, every page shows it escaped.
                for page in pages {
                    let answer = try await browser.get(page)
                    guard answer.headers.contentType?.subType == "html" else { continue }  // a JSON download holds the text as typed
                    let text = answer.text
                    for marker in Self.markers { #expect(!text.contains(marker), "\(role) \(page) shows \(marker) unescaped") }
                }
            }
            #expect(formsSeen.count > 30 && submissions > 120, "\(formsSeen.count) forms, \(submissions) submissions")
        }
    }

    @Test("a line break in any one-line field of any form is refused at the field and stored nowhere")
    func lineBreaksInOneLineFields() async throws {
        try await withApp { app, _ in
            let objects = try await AccessObjects.make(app)
            let hostile = Browser.encode("Wert\r\nBcc: spion@example.org")
            let oneLine: Set<String> = ["text", "email", "search", "url", "tel"]
            var refusedAtField = 0
            var submitted = 0
            for role in [Role.admin, .lead, .facilitator, .participant, .partner] {
                var browser = Browser(app)
                try await browser.login(try #require(objects.fixture.accounts[role]))
                let pages = Self.pages(of: role, objects)
                for page in pages {
                    let response = try await browser.get(page)
                    guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
                    for form in Self.forms(in: response.text) where !Self.skipped(form.action) && form.fields.contains(where: { oneLine.contains($0.kind) }) {
                        let fields = form.fields.map { field in
                            (field.name, oneLine.contains(field.kind) ? hostile : Browser.encode(field.kind == "textarea" ? "Zeile" : Self.plausible(field)))
                        }
                        try await browser.get(page)
                        let answer = try await browser.post(form.action, encoded: fields)
                        submitted += 1
                        #expect(answer.status.code < 500, "\(role) \(form.action): \(answer.status)")
                        if answer.text.contains(FieldErrors.lineBreakMessage) { refusedAtField += 1 }
                    }
                }
            }
            #expect(try await DataProtectionTests.mentions(of: "spion@example.org", on: app.db) == [], "stored nowhere")
            #expect(submitted > 25 && refusedAtField * 10 >= submitted * 7, "\(refusedAtField) of \(submitted) forms named the line break at the field")
        }
    }

    @Test("form values: bytes that are not UTF-8 become U+FFFD, control characters go, tabs and line breaks stay")
    func formDecoding() {
        let values = FormValues(urlEncoded: "name=M%FCller&note=a%00b%1B%0D%0Ac%09d&plus=a+b&bad=%ZZ%4")
        #expect(values["name"] == "M\u{FFFD}ller")
        #expect(values["note"] == "ab\r\nc\td")
        #expect(values["plus"] == "a b" && values["bad"] == "%ZZ%4")
    }

    @Test("file kinds are told by content: a PDF must start as one, text must not be markup, office files are ZIP archives")
    func uploadKinds() {
        #expect(UploadKind.detect(fileName: "a.PDF", prefix: Array("%PDF-1.7".utf8)) == .pdf)
        #expect(UploadKind.detect(fileName: "a.pdf", prefix: Array("<html>".utf8)) == nil)
        #expect(UploadKind.detect(fileName: "a.docx", prefix: [0x50, 0x4B, 0x03, 0x04, 0]) == .officeOpenXML)
        #expect(UploadKind.detect(fileName: "a.docx", prefix: Array("%PDF".utf8)) == nil)
        #expect(UploadKind.detect(fileName: "liste.csv", prefix: Array("Name;Ort\nAnna;Ulm".utf8)) == .text)
        #expect(UploadKind.detect(fileName: "x.txt", prefix: Array("<!doctype html><html>".utf8)) == nil)
        #expect(UploadKind.detect(fileName: "x.exe", prefix: [0x4D, 0x5A]) == nil)
        #expect(UploadKind.detect(fileName: "bild.webp", prefix: Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBP".utf8)) == .webp)
        #expect(UploadKind.cleanFileName("C:\\Users\\a\\Rechnung\u{202E}fdp.exe") == "Rechnungfdp.exe")
    }

    /// Every cell of a semicolon CSV as a spreadsheet reads it (quotes removed).
    static func cells(_ csv: String) -> [String] {
        csv.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").flatMap { line in
            line.split(separator: ";", omittingEmptySubsequences: false).map { cell in
                var text = String(cell)
                if text.hasPrefix("\"") { text.removeFirst() }
                return text
            }
        }
    }

    @Test("hostile rows in an invitation list and a network import: no 5xx, shown escaped, and every CSV export starts no cell with a formula")
    func spreadsheets() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            let hostileNames = ["=HYPERLINK(\"http://example.com\")", "+SUMME(1;2)", "-1+1", "@A1", "<script>alert(1)</script>"]
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            let invitations =
                "Name;E-Mail;AGS\n"
                + hostileNames.enumerated().map { "\"\($1.replacingOccurrences(of: "\"", with: "\"\""))\";gast\($0)@kommune.de;" }
                .joined(separator: "\n") + "\n\u{0}kaputt;\u{202E}x@y;=1+1\n"
            let upload = try await MaterialTests.upload(
                &lead, app: app, path: AdminURL.invitationUpload(.value(fixture.editionID)).path,
                fileName: "einladungen.csv", contentType: "text/csv", bytes: Array(invitations.utf8))
            #expect(upload.status.code < 500)
            let listed = try await lead.get(page).text
            #expect(!listed.contains("<script>alert(") && listed.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))

            var participant = Browser(app)
            try await participant.login(try #require(fixture.accounts[.participant]))
            let actors =
                "Name;Art;Kontakt;Notiz\r\n"
                + hostileNames.map { "\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\";Sportverein;=cmd|' /C calc'!A0;@note" }
                .joined(separator: "\r\n") + "\r\n"
            let imported = try await NetworkTests.importFile(&participant, app: app, what: "akteure", csv: actors)
            #expect(imported.status.code < 500)
            let network = try await participant.get(SiteURL.network.path).text
            #expect(network.contains("5 Akteur*innen eingelesen.") && !network.contains("<script>alert("))

            let exports = [
                (participant, SiteURL.actorsCSV.path), (participant, SiteURL.tiesCSV.path), (lead, AdminURL.participantExport.path),
            ]
            for (var browser, path) in exports {
                let file = try await browser.get(path)
                #expect(file.status == .ok && file.headers.contentType?.subType == "csv", "\(path)")
                let cells = Self.cells(String(decoding: Array(file.body.readableBytesView), as: UTF8.self))
                #expect(!cells.isEmpty)
                for cell in cells { #expect(!("=+-@".contains(cell.first ?? " ")), "\(path): \(cell)") }
            }
        }
    }
}
