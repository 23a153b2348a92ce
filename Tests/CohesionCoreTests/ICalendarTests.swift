import Foundation
import Testing

@testable import CohesionCore

@Suite("iCalendar")
struct ICalendarTests {
    let start = BerlinTime.instant(on: CalendarDay(year: 2023, month: 7, day: 20), at: "10:00")!

    @Test("events carry UID, SEQUENCE, Berlin local times with the zone, and escaped text")
    func event() {
        let event = ICalendar.Event(
            uid: "abc@cohesion", sequence: 3, start: start, end: start.addingTimeInterval(7200),
            summary: "Konzepte; Debatten, Grenzen", location: "Seminarraum 1, Konstanz",
            description: "Zeile 1\nZeile 2", lastModified: start)
        let text = ICalendar.render(name: "Teil 2", events: [event], now: start)
        #expect(text.contains("UID:abc@cohesion\r\nSEQUENCE:3\r\n"))
        #expect(text.contains("DTSTART;TZID=Europe/Berlin:20230720T100000\r\n"))
        #expect(text.contains("DTEND;TZID=Europe/Berlin:20230720T120000\r\n"))
        #expect(text.contains("DTSTAMP:20230720T080000Z\r\n"))
        #expect(text.contains("SUMMARY:Konzepte\\; Debatten\\, Grenzen\r\n"))
        #expect(text.contains("DESCRIPTION:Zeile 1\\nZeile 2\r\n"))
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"))
        #expect(text.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test("long lines are folded at 75 octets without splitting a character")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "ä", count: 60)
        let folded = ICalendar.fold(line)
        let pieces = folded.components(separatedBy: "\r\n")
        #expect(pieces.count == 2)
        #expect(pieces.allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }
}

@Suite("Spreadsheet CSV")
struct SpreadsheetCSVTests {
    @Test("UTF-8 with BOM, ';' between fields, CRLF, quoting where needed, no formulas")
    func render() {
        let bytes = SpreadsheetCSV.render(header: ["Name", "Kommune"], rows: [["Müller; Felix", "=HYPERLINK(\"x\")"], ["Ödön", "Konstanz"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "Name;Kommune\r\n\"Müller; Felix\";\"'=HYPERLINK(\"\"x\"\")\"\r\nÖdön;Konstanz\r\n")
    }
}
