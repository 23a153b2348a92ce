import Testing

@testable import CohesionCore

@Suite("CSV files as people save them")
struct SpreadsheetTextTests {
    @Test("UTF-8 with and without BOM is read as UTF-8")
    func utf8() {
        let text = "Name;E-Mail\nJürgen Weiß;j@example.org\n"
        #expect(SpreadsheetText.decode(Array(text.utf8)) == (text, .utf8))
        #expect(SpreadsheetText.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8)) == (text, .utf8))
    }

    @Test("Excel's Windows-1252 keeps umlauts, ß, the euro sign and German quotes")
    func windows1252() {
        // "Jürgen Weiß;„Zusammenhalt“ 5 €" as German Excel writes it.
        let bytes: [UInt8] = [
            0x4A, 0xFC, 0x72, 0x67, 0x65, 0x6E, 0x20, 0x57, 0x65, 0x69, 0xDF, 0x3B,
            0x84, 0x5A, 0x75, 0x73, 0x61, 0x6D, 0x6D, 0x65, 0x6E, 0x68, 0x61, 0x6C, 0x74, 0x93, 0x20, 0x35, 0x20, 0x80,
        ]
        let decoded = SpreadsheetText.decode(bytes)
        #expect(decoded.encoding == .windows1252)
        #expect(decoded.text == "Jürgen Weiß;„Zusammenhalt“ 5 €")
    }

    @Test("a row with one column says how many were found and which are expected")
    func columnCount() {
        let parsed = InvitationList.parse("Name;E-Mail;AGS\nNur ein Name\n")
        #expect(
            parsed.errors == [
                InvitationList.RowError(line: 2, message: "1 Spalte gefunden, erwartet werden 3: Name;E-Mail;AGS (der Gemeindeschlüssel darf leer bleiben)")
            ])
    }
}

@Suite("Municipal names as people read them")
struct RegionNameTests {
    @Test("the register's abbreviations are written out; other names stay")
    func readable() {
        #expect(RegionName.readable("Altdorf, M") == "Altdorf, Markt")
        #expect(RegionName.readable("Aach, St") == "Aach, Stadt")
        #expect(RegionName.readable("Lahr/Schwarzwald, GKSt") == "Lahr/Schwarzwald, Große Kreisstadt")
        #expect(RegionName.readable("Konstanz, Universitätsstadt") == "Konstanz, Universitätsstadt")
        #expect(RegionName.readable("Singen (Hohentwiel)") == "Singen (Hohentwiel)")
    }

    @Test("a label tells apart municipalities of the same name by Kreis and Land")
    func label() {
        #expect(
            RegionName.label(name: "Altdorf", kreis: RegionName.kreis(name: "Böblingen", kind: "Landkreis"), land: "Baden-Württemberg")
                == "Altdorf (Landkreis Böblingen, Baden-Württemberg)")
        #expect(RegionName.label(name: "Konstanz", kreis: nil, land: "Baden-Württemberg") == "Konstanz (Baden-Württemberg)")
    }
}
