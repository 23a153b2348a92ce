import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import CohesionApp

/// Lists as people save them: Excel workbooks as well as CSV.
@Suite("Spreadsheet uploads")
struct SpreadsheetUploadTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    @Test("a workbook saved by LibreOffice: shared strings, the AGS as a number, rows with their line numbers")
    func libreOfficeWorkbook() throws {
        let rows = try SpreadsheetUpload.rows(of: try Self.fixture("einladungen-libreoffice.xlsx"))
        #expect(rows.map(\.line) == [1, 2, 3, 4])
        #expect(
            rows.map(\.fields) == [
                ["Name", "E-Mail", "AGS"], ["Jürgen Weiß", "j.weiss@kommune.de", "8335043"],
                ["Özlem Çelik", "o.celik@kommune.de"], ["Bad Row", "keine-adresse"],
            ])
    }

    @Test("a workbook written by openpyxl: inline strings, an empty row skipped, only the first sheet")
    func openpyxlWorkbook() throws {
        let rows = try SpreadsheetUpload.rows(of: try Self.fixture("einladungen-openpyxl.xlsx"))
        #expect(rows.map(\.line) == [1, 2, 4])
        #expect(rows[1].fields == ["Jürgen Weiß", "j.weiss@kommune.de", "08335043"])
        #expect(!rows.flatMap(\.fields).contains("nicht einlesen"))
    }

    @Test("an old .xls, a broken workbook and a CSV each get the answer they need")
    func otherFiles() throws {
        #expect(throws: SpreadsheetUpload.Unreadable.self) { try SpreadsheetUpload.rows(of: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1]) }
        do {
            _ = try SpreadsheetUpload.rows(of: [0xD0, 0xCF, 0x11, 0xE0])
        } catch {
            #expect(error.message.hasPrefix("Dateien im alten Excel-Format (.xls) lassen sich nicht lesen."))
            #expect(error.message.contains("„Excel-Arbeitsmappe (.xlsx)“"))
        }
        do {
            _ = try SpreadsheetUpload.rows(of: Array("PK\u{3}\u{4}kaputt".utf8))
            Issue.record("a broken workbook must be refused")
        } catch {
            #expect(error.message.hasPrefix("Die Datei ist keine lesbare Excel-Arbeitsmappe."))
        }
        let csv = try SpreadsheetUpload.rows(of: Array("Name;E-Mail\r\nA;a@b.de\r\n".utf8))
        #expect(csv.map(\.fields) == [["Name", "E-Mail"], ["A", "a@b.de"]])
    }

    @Test("an invitation list uploaded as .xlsx invites the valid rows, restores the AGS's leading zero and names the bad row")
    func invitationWorkbook() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            let upload = try await MaterialTests.upload(
                &lead, app: app, path: AdminURL.invitationUpload(.value(fixture.editionID)).path, fileName: "einladungen.xlsx",
                contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes: try Self.fixture("einladungen-libreoffice.xlsx"))
            #expect(upload.status == .seeOther)
            let result = try await lead.get(page).text
            #expect(result.contains("2 Einladungen verschickt."))
            #expect(result.contains("„keine-adresse“ ist keine gültige E-Mail-Adresse"))
            let weiss = try #require(try await User.query(on: app.db).filter(\.$email == "j.weiss@kommune.de").first())
            #expect(weiss.name == "Jürgen Weiß")
            let invitation = try #require(try await Invitation.query(on: app.db).filter(\.$user.$id == weiss.requireID()).first())
            #expect(invitation.regionKey == "08335043")
        }
    }

    @Test("an old .xls is refused with how to save it instead, and nobody is invited")
    func oldExcelRefused() async throws {
        try await withApp { app, _ in
            let fixture = try await Fixture.load(app)
            var lead = Browser(app)
            try await lead.login(try #require(fixture.accounts[.lead]))
            let page = AdminURL.invitations(.value(fixture.editionID)).path
            try await lead.get(page)
            let before = try await User.query(on: app.db).count()
            _ = try await MaterialTests.upload(
                &lead, app: app, path: AdminURL.invitationUpload(.value(fixture.editionID)).path,
                fileName: "einladungen.xls", contentType: "application/vnd.ms-excel",
                bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            let result = try await lead.get(page).text
            #expect(result.contains("alten Excel-Format (.xls)"))
            #expect(try await User.query(on: app.db).count() == before)
        }
    }
}
