import Foundation

/// One day of a part's timetable with its units in order of time.
public struct TimetableDay<Item: Sendable>: Sendable {
    public let day: CalendarDay
    public let items: [Item]
}

public enum Timetable {
    /// Every day from `first` to `last`, each with the items that start on it in Berlin, sorted
    /// by start. Days without items stay in the list so the timetable shows the whole part.
    public static func days<Item: Sendable>(
        _ items: [Item], from first: CalendarDay, to last: CalendarDay, start: (Item) -> Date
    ) -> [TimetableDay<Item>] {
        let byDay = Dictionary(grouping: items) { BerlinTime.day(of: start($0)) }
        var days: [TimetableDay<Item>] = []
        var day = first
        while day <= last {
            let sorted = (byDay[day] ?? []).sorted { start($0) < start($1) }
            days.append(TimetableDay(day: day, items: sorted))
            day = day.adding(days: 1)
        }
        return days
    }
}
