/// What the lead types into the form of a part, as typed.
public struct PartInput: Sendable, Codable, Equatable {
    public var number = ""
    public var title = ""
    public var focus = ""
    public var startsOn = ""
    public var endsOn = ""
    public var venueName = ""
    public var address = ""
    public var city = ""
    public var capacity = ""
    /// Empty means in person, as for a part saved before there was a choice.
    public var delivery = ""

    public init() {}
}

/// A part's values once they are known to be sound.
public struct PartValues: Sendable, Equatable {
    public var number: Int
    public var title: String
    public var focus: String
    public var startsOn: CalendarDay
    public var endsOn: CalendarDay
    public var venueName: String
    public var address: String
    public var city: String
    public var capacity: Int
    public var delivery: Delivery
}

extension PartInput {
    /// `unitDays` are the days of the part's existing units: the part may not shrink past them.
    public func check(unitDays: [CalendarDay] = []) -> Checked<PartValues> {
        var errors = FieldErrors()
        let number = Int(self.number.trimmingCharacters(in: .whitespaces))
        if number == nil || number! < 1 || number! > 99 {
            errors.add("number", "Bitte eine Nummer zwischen 1 und 99 angeben.")
        }
        let title = errors.require("title", self.title, "einen Titel")
        let focus = errors.optional("focus", self.focus, maxLength: 200)
        let start = CalendarDay(typed: startsOn)
        let end = CalendarDay(typed: endsOn)
        if start == nil { errors.add("startsOn", "Bitte ein gültiges Datum angeben (TT.MM.JJJJ).") }
        if end == nil { errors.add("endsOn", "Bitte ein gültiges Datum angeben (TT.MM.JJJJ).") }
        if let start, let end {
            if end < start {
                errors.add("endsOn", "Der letzte Tag darf nicht vor dem ersten Tag liegen.")
            } else if end > start.adding(days: 13) {
                errors.add("endsOn", "Ein Teil dauert höchstens 14 Tage.")
            } else {
                let outside = unitDays.filter { $0 < start || $0 > end }.count
                if outside > 0 {
                    errors.add(
                        "startsOn",
                        outside == 1
                            ? "1 Einheit liegt außerhalb dieser Tage. Bitte zuerst die Einheit verschieben."
                            : "\(outside) Einheiten liegen außerhalb dieser Tage. Bitte zuerst die Einheiten verschieben.")
                }
            }
        }
        let venueName = errors.require("venueName", self.venueName, "den Tagungsort")
        let address = errors.optional("address", self.address, maxLength: 200)
        let city = errors.require("city", self.city, "die Stadt")
        let capacity = Int(self.capacity.trimmingCharacters(in: .whitespaces))
        if capacity == nil || capacity! < 1 || capacity! > 10_000 {
            errors.add("capacity", "Bitte eine Zahl von 1 bis 10000 angeben.")
        }
        let delivery = Delivery(stored: self.delivery)
        if delivery == nil { errors.add("delivery", "Bitte wählen: in Präsenz, online oder hybrid.") }
        guard errors.isEmpty, let number, let start, let end, let capacity, let delivery else { return .invalid(errors) }
        return .valid(
            PartValues(
                number: number, title: title, focus: focus, startsOn: start, endsOn: end,
                venueName: venueName, address: address, city: city, capacity: capacity, delivery: delivery))
    }
}
