import Testing

@testable import CohesionCore

@Suite("Rules for parts")
struct PartRulesTests {
    static func konstanz() -> PartInput {
        var input = PartInput()
        input.number = "2"
        input.title = "Fachkenntnisse und Empowerment"
        input.startsOn = "2023-07-20"
        input.endsOn = "2023-07-21"
        input.venueName = "Kulturzentrum am Münster"
        input.city = "Konstanz"
        input.capacity = "14"
        return input
    }

    @Test("a complete part is valid, with its values trimmed and typed")
    func valid() throws {
        var input = Self.konstanz()
        input.title = "  Fachkenntnisse und Empowerment "
        guard case .valid(let values) = input.check() else { Issue.record("expected valid"); return }
        #expect(values.title == "Fachkenntnisse und Empowerment")
        #expect(values.startsOn == CalendarDay(year: 2023, month: 7, day: 20))
        #expect(values.capacity == 14)
    }

    @Test("missing required fields are each named in German")
    func required() {
        guard case .invalid(let errors) = PartInput().check() else { Issue.record("expected invalid"); return }
        #expect(errors["title"] == "Bitte einen Titel angeben.")
        #expect(errors["venueName"] == "Bitte den Tagungsort angeben.")
        #expect(errors["city"] == "Bitte die Stadt angeben.")
        #expect(errors["startsOn"] != nil)
        #expect(errors["capacity"] == "Bitte eine Zahl von 1 bis 10000 angeben.")
    }

    @Test("the last day may not lie before the first")
    func endAfterStart() {
        var input = Self.konstanz()
        input.endsOn = "2023-07-19"
        guard case .invalid(let errors) = input.check() else { Issue.record("expected invalid"); return }
        #expect(errors["endsOn"] == "Der letzte Tag darf nicht vor dem ersten Tag liegen.")
    }

    @Test("a part cannot shrink so that its units fall outside")
    func keepsUnitsInside() {
        var input = Self.konstanz()
        input.endsOn = "2023-07-20"
        let result = input.check(unitDays: [CalendarDay(year: 2023, month: 7, day: 21), CalendarDay(year: 2023, month: 7, day: 20)])
        guard case .invalid(let errors) = result else { Issue.record("expected invalid"); return }
        #expect(errors["startsOn"] == "1 Einheit liegt außerhalb dieser Tage. Bitte zuerst die Einheit verschieben.")
    }
}
