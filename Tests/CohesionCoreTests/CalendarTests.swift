import Foundation
import Testing

@testable import CohesionCore

@Suite("Dates and times in Berlin")
struct CalendarTests {
    @Test(
        "ISO and German input are read; impossible days are rejected",
        arguments: [
            ("2023-07-20", "2023-07-20"), ("20.07.2023", "2023-07-20"), ("1.2.2024", "2024-02-01"),
            (" 2024-02-29 ", "2024-02-29"),
        ])
    func parsesDays(input: String, iso: String) {
        #expect(CalendarDay(typed: input)?.iso == iso)
    }

    @Test("malformed days are nil", arguments: ["2023-02-30", "2023-13-01", "20.07.23", "", "gestern", "2023-7-20"])
    func rejectsDays(input: String) {
        #expect(CalendarDay(typed: input) == nil)
    }

    @Test("Berlin wall-clock time becomes the right instant in summer and winter")
    func daylightSaving() throws {
        let summer = try #require(BerlinTime.instant(on: CalendarDay(year: 2023, month: 7, day: 20), at: "10:00"))
        let winter = try #require(BerlinTime.instant(on: CalendarDay(year: 2022, month: 11, day: 10), at: "10:00"))
        #expect(summer.formatted(.iso8601) == "2023-07-20T08:00:00Z")
        #expect(winter.formatted(.iso8601) == "2022-11-10T09:00:00Z")
        #expect(BerlinTime.clock(summer) == "10:00")
        #expect(BerlinTime.instant(on: CalendarDay(year: 2023, month: 7, day: 20), at: "24:00") == nil)
    }

    @Test("dates read as in German")
    func germanFormatting() {
        let first = CalendarDay(year: 2023, month: 7, day: 20)
        #expect(BerlinTime.weekdayDate(first) == "Donnerstag, 20. Juli 2023")
        #expect(BerlinTime.range(first, first.adding(days: 1)) == "20.–21. Juli 2023")
        #expect(BerlinTime.range(CalendarDay(year: 2023, month: 6, day: 30), first) == "30. Juni – 20. Juli 2023")
        #expect(
            BerlinTime.range(CalendarDay(year: 2022, month: 12, day: 31), CalendarDay(year: 2023, month: 1, day: 1))
                == "31. Dezember 2022 – 1. Januar 2023")
        #expect(first.german == "20.07.2023")
        let start = BerlinTime.instant(on: first, at: "09:30")!
        let end = BerlinTime.instant(on: first, at: "11:00")!
        #expect(BerlinTime.timeRange(start, end) == "09:30–11:00 Uhr")
    }

    @Test("the timetable lists every day of the part and sorts units by Berlin day and time")
    func timetableDays() throws {
        let first = CalendarDay(year: 2023, month: 7, day: 20)
        // 00:30 in Berlin on the 21st is still the 20th in UTC: it must land on the 21st.
        let late = try #require(BerlinTime.instant(on: first.adding(days: 1), at: "00:30"))
        let morning = try #require(BerlinTime.instant(on: first, at: "09:00"))
        let noon = try #require(BerlinTime.instant(on: first, at: "12:00"))
        let days = Timetable.days([noon, late, morning], from: first, to: first.adding(days: 2)) { $0 }
        #expect(days.map(\.day.iso) == ["2023-07-20", "2023-07-21", "2023-07-22"])
        #expect(days[0].items == [morning, noon])
        #expect(days[1].items == [late])
        #expect(days[2].items.isEmpty)
    }

    @Test("login throttling: free failures per account and address, then doubling delays up to 15 minutes; spraying only far above an office's failures")
    func throttle() {
        let throttle = LoginThrottle.standard
        let now = Date(timeIntervalSince1970: 10_000)
        let none = LoginThrottle.Failures(count: 0, last: nil)
        let justNow = { (count: Int) in LoginThrottle.Failures(count: count, last: now) }
        #expect(throttle.retryAfter(accountFromAddress: justNow(4), fromAddress: justNow(4), now: now) == nil)
        #expect(throttle.retryAfter(accountFromAddress: justNow(5), fromAddress: justNow(5), now: now) == 60)
        #expect(throttle.retryAfter(accountFromAddress: justNow(6), fromAddress: justNow(6), now: now) == 120)
        #expect(throttle.retryAfter(accountFromAddress: justNow(40), fromAddress: none, now: now) == 900, "at most 15 minutes")
        #expect(throttle.retryAfter(accountFromAddress: justNow(5), fromAddress: none, now: now.addingTimeInterval(61)) == nil)
        #expect(throttle.retryAfter(accountFromAddress: none, fromAddress: justNow(12), now: now) == nil, "a dozen failures of an office")
        #expect(throttle.retryAfter(accountFromAddress: none, fromAddress: justNow(50), now: now) == 60, "password spraying")
        #expect(throttle.windowStart(now: Date(timeIntervalSince1970: 900)) == Date(timeIntervalSince1970: 0))
    }
}
