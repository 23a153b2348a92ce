import Foundation

/// Dates and times as people in the programme read them: de-DE, Europe/Berlin.
public enum BerlinTime {
    public static let timeZone = TimeZone(identifier: "Europe/Berlin")!

    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.locale = Locale(identifier: "de_DE")
        return calendar
    }()

    static let weekdays = ["Sonntag", "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag"]
    static let months = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
        "August", "September", "Oktober", "November", "Dezember",
    ]

    /// The instant at which `time` ("09:30") begins on `day` in Berlin, or nil if either is malformed.
    public static func instant(on day: CalendarDay, at time: String) -> Date? {
        let parts = time.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
            (0..<24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        return calendar.date(from: components)
    }

    public static func day(of instant: Date) -> CalendarDay {
        let c = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDay(year: c.year!, month: c.month!, day: c.day!)
    }

    /// "09:30"
    public static func clock(_ instant: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: instant)
        return pad(c.hour!) + ":" + pad(c.minute!)
    }

    /// "20. Juli 2023"
    /// "6. Dezember 2026, 12:30 Uhr"
    /// "06.12.2026" for an instant, as dated in Berlin.
    public static func date(_ instant: Date) -> String { day(of: instant).german }

    public static func dateTime(_ instant: Date) -> String {
        longDate(day(of: instant)) + ", " + clock(instant) + " Uhr"
    }

    public static func longDate(_ day: CalendarDay) -> String {
        "\(day.day). \(months[day.month - 1]) \(day.year)"
    }

    /// "Donnerstag, 20. Juli 2023"
    public static func weekdayDate(_ day: CalendarDay) -> String {
        weekdays[day.weekday - 1] + ", " + longDate(day)
    }

    /// "20.–21. Juli 2023", "30. Juni – 1. Juli 2023", or one day when both are equal.
    public static func range(_ first: CalendarDay, _ last: CalendarDay) -> String {
        if first == last { return longDate(first) }
        if first.year == last.year && first.month == last.month {
            return "\(first.day).–\(longDate(last))"
        }
        if first.year == last.year {
            return "\(first.day). \(months[first.month - 1]) – \(longDate(last))"
        }
        return longDate(first) + " – " + longDate(last)
    }

    /// "09:30–11:00 Uhr": a unit's time of day, from its first to its last minute.
    public static func timeRange(_ start: Date, _ end: Date) -> String {
        clock(start) + "–" + clock(end) + " Uhr"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
