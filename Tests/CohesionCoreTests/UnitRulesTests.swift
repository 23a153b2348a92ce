import Foundation
import Testing

@testable import CohesionCore

@Suite("Rules for units")
struct UnitRulesTests {
    let first = CalendarDay(year: 2023, month: 7, day: 20)
    let module = UUID()
    let area = UUID()
    let facilitator = UUID()
    let existing = UUID()

    func context(editing: UUID? = nil) -> UnitContext {
        let start = BerlinTime.instant(on: first, at: "10:00")!
        let end = BerlinTime.instant(on: first, at: "12:00")!
        return UnitContext(
            firstDay: first, lastDay: first.adding(days: 1), editedUnitID: editing,
            otherSlots: [
                BookedSlot(
                    unitID: existing, title: "Integrationskonzepte", room: "Seminarraum 1",
                    startsAt: start, endsAt: end)
            ],
            moduleIDs: [module], competenceAreaIDs: [area], facilitatorIDs: [facilitator])
    }

    func input(day: String = "2023-07-20", start: String = "13:30", end: String = "15:30", room: String = "Seminarraum 1") -> UnitInput {
        var input = UnitInput()
        input.title = "Einwanderungsland"
        input.day = day
        input.startTime = start
        input.endTime = end
        input.room = room
        input.format = UnitFormat.discussion.rawValue
        input.moduleID = module.uuidString
        input.competenceAreaIDs = [area.uuidString]
        input.facilitatorIDs = [facilitator.uuidString]
        return input
    }

    @Test("a unit on a day of its part in a free room is valid")
    func valid() throws {
        guard case .valid(let values) = input().check(in: context()) else { Issue.record("expected valid"); return }
        #expect(values.startsAt == BerlinTime.instant(on: first, at: "13:30"))
        #expect(values.moduleID == module)
        #expect(values.facilitatorIDs == [facilitator])
    }

    @Test("the end must come after the start")
    func endAfterStart() {
        guard case .invalid(let errors) = input(start: "15:30", end: "15:30").check(in: context()) else { Issue.record("expected invalid"); return }
        #expect(errors["endTime"] == "Das Ende muss nach dem Beginn liegen.")
    }

    @Test("a unit must lie within its part's days")
    func withinPart() {
        guard case .invalid(let errors) = input(day: "2023-07-22").check(in: context()) else { Issue.record("expected invalid"); return }
        #expect(errors["day"] == "Die Einheit muss an einem Tag des Teils liegen (20.–21. Juli 2023).")
    }

    @Test("two units cannot share a room at once, however the room is written")
    func roomClash() {
        guard case .invalid(let errors) = input(start: "11:30", end: "13:00", room: " seminarraum 1").check(in: context()) else {
            Issue.record("expected invalid"); return
        }
        #expect(errors["room"] == "Der Raum ist zu dieser Zeit schon belegt: „Integrationskonzepte“, 10:00–12:00 Uhr.")
    }

    @Test("back-to-back units, another room, no room, or the unit itself are no clash")
    func noClash() {
        for candidate in [
            input(start: "12:00", end: "13:00"), input(start: "11:00", end: "12:30", room: "Saal"),
            input(start: "11:00", end: "12:30", room: ""),
        ] {
            guard case .valid = candidate.check(in: context()) else { Issue.record("expected valid: \(candidate)"); return }
        }
        guard case .valid = input(start: "10:30", end: "11:30").check(in: context(editing: existing)) else {
            Issue.record("a unit must not clash with itself"); return
        }
    }

    @Test("choices must come from the lists offered")
    func foreignChoices() {
        var tampered = input()
        tampered.moduleID = UUID().uuidString
        tampered.competenceAreaIDs = ["kein-uuid"]
        tampered.facilitatorIDs = [UUID().uuidString]
        tampered.format = "karaoke"
        guard case .invalid(let errors) = tampered.check(in: context()) else { Issue.record("expected invalid"); return }
        #expect(errors["moduleID"] != nil)
        #expect(errors["competenceAreaIDs"] != nil)
        #expect(errors["facilitatorIDs"] != nil)
        #expect(errors["format"] == "Bitte ein Format wählen.")
    }

    @Test("missing title and times are named")
    func required() {
        var empty = UnitInput()
        empty.day = "2023-07-20"
        guard case .invalid(let errors) = empty.check(in: context()) else { Issue.record("expected invalid"); return }
        #expect(errors["title"] == "Bitte einen Titel angeben.")
        #expect(errors["startTime"] == "Bitte eine Uhrzeit angeben (SS:MM).")
        #expect(errors["endTime"] == "Bitte eine Uhrzeit angeben (SS:MM).")
    }
}
