/// When participants may change their own registration for a part.
///
/// Until the part begins they register, change their answers and cancel themselves. From its
/// first day the numbers for venue, rooms and catering are settled and the list is the record of
/// who was expected: only the lead changes it then, and gives a reason that is kept with the change.
public enum RegistrationWindow {
    public static func isOpen(startsOn: CalendarDay, today: CalendarDay) -> Bool {
        today < startsOn
    }

    /// Shown to a participant who tries to change a registration after the part has begun.
    public static func closedMessage(partNumber: Int, startsOn: CalendarDay) -> String {
        "Teil \(partNumber) hat am \(BerlinTime.longDate(startsOn)) begonnen. Anmeldung und Absage sind jetzt nur noch "
            + "über die Programmleitung möglich."
    }

    /// The lead's reason for a change after the part has begun: required, at most 300 characters.
    public static func checkLateChangeReason(_ typed: String, errors: inout FieldErrors, field: String) -> String {
        errors.require(field, typed, "eine Begründung für die nachträgliche Änderung", maxLength: 300)
    }
}
