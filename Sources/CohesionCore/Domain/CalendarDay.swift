import Foundation

/// A day in the calendar without a time, stored and exchanged as ISO "2023-07-20".
public struct CalendarDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" and rejects days that do not exist (2023-02-30).
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let candidate = CalendarDay(year: year, month: month, day: day)
        guard let date = BerlinTime.instant(on: candidate, at: "12:00"),
            BerlinTime.day(of: date) == candidate
        else { return nil }
        self = candidate
    }

    /// Accepts what a date field sends ("2023-07-20") and what people type ("20.7.2023").
    public init?(typed: String) {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if let day = CalendarDay(iso: text) { self = day; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            let day = Int(parts[0]), let month = Int(parts[1])
        else { return nil }
        self.init(iso: "\(parts[2])-\(BerlinTime.pad(month))-\(BerlinTime.pad(day))")
    }

    /// "20.07.2023"
    public var german: String { "\(BerlinTime.pad(day)).\(BerlinTime.pad(month)).\(year)" }

    public var iso: String { "\(year)-\(BerlinTime.pad(month))-\(BerlinTime.pad(day))" }
    public var description: String { iso }

    /// 1 = Sunday … 7 = Saturday, as in Foundation's Gregorian calendar.
    public var weekday: Int {
        let noon = BerlinTime.instant(on: self, at: "12:00")!
        return BerlinTime.calendar.component(.weekday, from: noon)
    }

    public func adding(days: Int) -> CalendarDay {
        let noon = BerlinTime.instant(on: self, at: "12:00")!
        return BerlinTime.day(of: BerlinTime.calendar.date(byAdding: .day, value: days, to: noon)!)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a day: \(raw)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
