import Foundation

/// iCalendar (RFC 5545) for timetables: events in Europe/Berlin with the zone's definition,
/// stable UIDs and a SEQUENCE that grows with every change, so calendar programs update an
/// event instead of adding a second one.
public enum ICalendar {
    public struct Event: Sendable {
        public var uid: String
        public var sequence: Int
        public var start: Date
        public var end: Date
        public var summary: String
        public var location: String
        public var description: String
        public var lastModified: Date?

        public init(
            uid: String, sequence: Int, start: Date, end: Date, summary: String, location: String,
            description: String, lastModified: Date?
        ) {
            self.uid = uid
            self.sequence = sequence
            self.start = start
            self.end = end
            self.summary = summary
            self.location = location
            self.description = description
            self.lastModified = lastModified
        }
    }

    /// Europe/Berlin since 1996: CET/CEST switching on the last Sundays of March and October.
    static let berlinZone = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "X-LIC-LOCATION:Europe/Berlin",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    public static func render(name: String, events: [Event], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Cohesion//Fortbildungsprogramm//DE", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/Berlin",
        ]
        lines += berlinZone
        for event in events {
            lines += [
                "BEGIN:VEVENT",
                "UID:" + event.uid,
                "SEQUENCE:\(event.sequence)",
                "DTSTAMP:" + utc(now),
                "DTSTART;TZID=Europe/Berlin:" + berlinLocal(event.start),
                "DTEND;TZID=Europe/Berlin:" + berlinLocal(event.end),
                "SUMMARY:" + escape(event.summary),
            ]
            if !event.location.isEmpty { lines.append("LOCATION:" + escape(event.location)) }
            if !event.description.isEmpty { lines.append("DESCRIPTION:" + escape(event.description)) }
            if let modified = event.lastModified { lines.append("LAST-MODIFIED:" + utc(modified)) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Text values escape backslash, semicolon, comma and line breaks.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var result = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > 75 {
                result += "\r\n "
                octets = 1
            }
            result.append(character)
            octets += size
        }
        return result
    }

    static func berlinLocal(_ date: Date) -> String {
        let c = BerlinTime.calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }
}
