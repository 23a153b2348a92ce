import Foundation

/// How a unit is held. Raw values are stored; labels are shown.
public enum UnitFormat: String, CaseIterable, Sendable, Codable {
    case lecture, workshop, discussion, groupWork, fieldTrip, exchange, online

    public var label: String {
        switch self {
        case .lecture: "Vortrag"
        case .workshop: "Workshop"
        case .discussion: "Diskussion"
        case .groupWork: "Gruppenarbeit"
        case .fieldTrip: "Exkursion"
        case .exchange: "Austausch"
        case .online: "Online-Einheit"
        }
    }
}

/// What the lead types into the form of a unit, as typed.
public struct UnitInput: Sendable, Codable, Equatable {
    public var title = ""
    public var description = ""
    public var objectives = ""
    public var day = ""
    public var startTime = ""
    public var endTime = ""
    public var room = ""
    public var format = ""
    /// Empty means in person, as for a unit saved before there was a choice.
    public var delivery = ""
    public var videoURL = ""
    public var moduleID = ""
    public var competenceAreaIDs: [String] = []
    public var facilitatorIDs: [String] = []

    public init() {}
}

public struct UnitValues: Sendable, Equatable {
    public var title: String
    public var description: String
    public var objectives: String
    public var startsAt: Date
    public var endsAt: Date
    public var room: String
    public var format: UnitFormat
    public var delivery: Delivery
    /// Empty for a unit in person; for an online or hybrid one it may follow later.
    public var videoURL: String
    public var moduleID: UUID?
    public var competenceAreaIDs: [UUID]
    public var facilitatorIDs: [UUID]
}

/// Another unit of the same part, as far as a room clash is concerned.
public struct BookedSlot: Sendable {
    public var unitID: UUID
    public var title: String
    public var room: String
    public var startsAt: Date
    public var endsAt: Date

    public init(unitID: UUID, title: String, room: String, startsAt: Date, endsAt: Date) {
        self.unitID = unitID
        self.title = title
        self.room = room
        self.startsAt = startsAt
        self.endsAt = endsAt
    }
}

/// What a unit is checked against: its part and what may be chosen.
public struct UnitContext: Sendable {
    public var firstDay: CalendarDay
    public var lastDay: CalendarDay
    public var editedUnitID: UUID?
    public var otherSlots: [BookedSlot]
    public var moduleIDs: Set<UUID>
    public var competenceAreaIDs: Set<UUID>
    public var facilitatorIDs: Set<UUID>

    public init(
        firstDay: CalendarDay, lastDay: CalendarDay, editedUnitID: UUID?, otherSlots: [BookedSlot],
        moduleIDs: Set<UUID>, competenceAreaIDs: Set<UUID>, facilitatorIDs: Set<UUID>
    ) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.editedUnitID = editedUnitID
        self.otherSlots = otherSlots
        self.moduleIDs = moduleIDs
        self.competenceAreaIDs = competenceAreaIDs
        self.facilitatorIDs = facilitatorIDs
    }
}

/// Rooms are compared as people write them: "Saal 1" and " saal 1 " are one room.
func sameRoom(_ a: String, _ b: String) -> Bool {
    let normalise = { (s: String) in s.trimmingCharacters(in: .whitespaces).lowercased() }
    return !normalise(a).isEmpty && normalise(a) == normalise(b)
}

extension UnitInput {
    public func check(in context: UnitContext) -> Checked<UnitValues> {
        var errors = FieldErrors()
        let title = errors.require("title", self.title, "einen Titel")
        let description = errors.optional("description", self.description, multiline: true)
        let objectives = errors.optional("objectives", self.objectives, multiline: true)
        let room = errors.optional("room", self.room, maxLength: 100)
        let day = CalendarDay(typed: self.day)
        if day == nil {
            errors.add("day", "Bitte ein gültiges Datum angeben (TT.MM.JJJJ).")
        } else if day! < context.firstDay || day! > context.lastDay {
            errors.add(
                "day",
                "Die Einheit muss an einem Tag des Teils liegen ("
                    + BerlinTime.range(context.firstDay, context.lastDay) + ").")
        }
        let start = day.flatMap { BerlinTime.instant(on: $0, at: startTime.trimmingCharacters(in: .whitespaces)) }
        let end = day.flatMap { BerlinTime.instant(on: $0, at: endTime.trimmingCharacters(in: .whitespaces)) }
        if day != nil && start == nil { errors.add("startTime", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if day != nil && end == nil { errors.add("endTime", "Bitte eine Uhrzeit angeben (SS:MM).") }
        if let start, let end, end <= start {
            errors.add("endTime", "Das Ende muss nach dem Beginn liegen.")
        }
        let format = UnitFormat(rawValue: self.format)
        if format == nil { errors.add("format", "Bitte ein Format wählen.") }
        let delivery = Delivery(stored: self.delivery)
        if delivery == nil { errors.add("delivery", "Bitte wählen: in Präsenz, online oder hybrid.") }
        let videoURL = VideoWindow.check(self.videoURL, field: "videoURL", errors: &errors)
        let moduleID = UUID(uuidString: self.moduleID)
        if !self.moduleID.isEmpty && (moduleID == nil || !context.moduleIDs.contains(moduleID!)) {
            errors.add("moduleID", "Bitte ein Modul aus der Liste wählen.")
        }
        let areas = competenceAreaIDs.compactMap(UUID.init(uuidString:))
        if areas.count != competenceAreaIDs.count || !Set(areas).isSubset(of: context.competenceAreaIDs) {
            errors.add("competenceAreaIDs", "Bitte nur Kompetenzfelder aus der Liste wählen.")
        }
        let facilitators = facilitatorIDs.compactMap(UUID.init(uuidString:))
        if facilitators.count != facilitatorIDs.count || !Set(facilitators).isSubset(of: context.facilitatorIDs) {
            errors.add("facilitatorIDs", "Bitte nur Referent*innen aus der Liste wählen.")
        }
        // An online unit takes no room, so it cannot clash with one.
        if let start, let end, end > start, delivery != .online,
            let clash = context.otherSlots.first(where: {
                $0.unitID != context.editedUnitID && sameRoom($0.room, room) && $0.startsAt < end && start < $0.endsAt
            })
        {
            errors.add(
                "room",
                "Der Raum ist zu dieser Zeit schon belegt: „\(clash.title)“, "
                    + BerlinTime.timeRange(clash.startsAt, clash.endsAt) + ".")
        }
        guard errors.isEmpty, let start, let end, let format, let delivery else { return .invalid(errors) }
        return .valid(
            UnitValues(
                title: title, description: description, objectives: objectives, startsAt: start,
                endsAt: end, room: room, format: format, delivery: delivery,
                videoURL: delivery.hasVideo ? videoURL : "", moduleID: moduleID,
                competenceAreaIDs: areas, facilitatorIDs: facilitators))
    }
}
