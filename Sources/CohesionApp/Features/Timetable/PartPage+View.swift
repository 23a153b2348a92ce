import CohesionCore
import CohesionPlatform
import Foundation

/// `/teile/{id}`: a part with venue and its timetable day by day; prints as a timetable.
enum PartView {
    /// `videoRooms`: what this signed-in person may see of the online units' rooms (never for visitors).
    static func render(_ model: PartPage, frame: PageFrame, videoRooms: [UUID: VideoRooms.Access] = [:]) -> HTML {
        Layout.page(frame) {
            HTML.p(.class("muted")) { model.programmeTitle + " · " + model.editionTitle }
            HTML.h1 { "Teil \(model.part.number): \(model.part.title)" }
            if !model.part.focus.isEmpty { HTML.p(.class("lead")) { "Schwerpunkt: " + model.part.focus } }
            facts(model)
            HTML.div(.class("actions no-print")) {
                HTML.a(.href(SiteURL.partCalendar(.value(model.part.id)).path)) { "Zeitplan in den Kalender (.ics)" }
                HTML.button(.type("button"), .class("button button--quiet"), .init("data-print", nil), .init("hidden", nil)) {
                    "Zeitplan drucken"
                }
            }
            HTML.h2 { "Zeitplan" }
            model.days.map { day($0, videoRooms: videoRooms) }
        }
    }

    private static func facts(_ model: PartPage) -> HTML {
        .dl(.class("facts")) {
            HTML.dt { "Termin" }
            HTML.dd { model.part.dates }
            HTML.dt { "Tagungsort" }
            HTML.dd {
                HTML.address {
                    model.part.venueName
                    if !model.address.isEmpty { ", " + model.address }
                    ", " + model.part.city
                }
            }
            if let delivery = Delivery(stored: model.delivery), delivery != .inPerson {
                HTML.dt { "Durchführung" }
                HTML.dd { delivery.label }
            }
            HTML.dt { "Plätze" }
            HTML.dd { "\(model.capacity)" }
        }
    }

    private static func day(_ day: TimetableDayModel, videoRooms: [UUID: VideoRooms.Access]) -> HTML {
        .section(.class("timetable-day"), .ariaLabelledBy("tag-\(day.day.iso)")) {
            HTML.h3(.id("tag-\(day.day.iso)")) { BerlinTime.weekdayDate(day.day) }
            if day.units.isEmpty {
                HTML.p(.class("muted")) { "Für diesen Tag sind noch keine Einheiten eingetragen." }
            } else {
                HTML.ol(.class("timetable")) { day.units.map { unit($0, videoRoom: videoRooms[$0.id]) } }
            }
        }
    }

    static func unit(_ unit: TimetableUnit, videoRoom: VideoRooms.Access? = nil) -> HTML {
        .li(.class("slot")) {
            HTML.div(.class("slot__time")) {
                HTML.time(.datetime(unit.startsAt.formatted(.iso8601))) { BerlinTime.clock(unit.startsAt) }
                "–"
                HTML.time(.datetime(unit.endsAt.formatted(.iso8601))) { BerlinTime.clock(unit.endsAt) }
                " Uhr"
            }
            HTML.div {
                HTML.h4(.class("slot__title")) { unit.title }
                HTML.p(.class("slot__meta")) { meta(unit) }
                if let videoRoom { VideoRooms.view(videoRoom) }
                if !unit.description.isEmpty { HTML.p { unit.description } }
                if !unit.objectives.isEmpty {
                    HTML.p {
                        HTML.strong { "Ziele: " }; unit.objectives
                    }
                }
                if !unit.competenceAreas.isEmpty {
                    HTML.ul(.class("tags"), .ariaLabel("Kompetenzfelder")) { unit.competenceAreas.map { area in HTML.li { area } } }
                }
            }
        }
    }

    private static func meta(_ unit: TimetableUnit) -> String {
        var parts = [unit.formatLabel]
        if let delivery = Delivery(stored: unit.delivery), delivery != .inPerson {
            parts.append(delivery.label.prefix(1).uppercased() + delivery.label.dropFirst())
        }
        if !unit.room.isEmpty { parts.append("Raum: " + unit.room) }
        if let module = unit.module { parts.append("Modul \(module.code)") }
        if !unit.facilitators.isEmpty { parts.append("mit " + unit.facilitators.joined(separator: ", ")) }
        return parts.joined(separator: " · ")
    }
}
