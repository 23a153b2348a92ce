import CohesionCore
import CohesionPlatform
import Foundation

/// One unit as the timetable shows it.
struct TimetableUnit: Codable, Sendable {
    let id: UUID
    let title: String
    let description: String
    let objectives: String
    let startsAt: Date
    let endsAt: Date
    let room: String
    let format: String
    /// A `Delivery`; the video room's address is never part of this public model.
    let delivery: String
    let module: ModuleSummary?
    let competenceAreas: [String]
    let facilitators: [String]

    var formatLabel: String { UnitFormat(rawValue: format)?.label ?? format }
    var deliveryLabel: String { (Delivery(stored: delivery) ?? .inPerson).label }
    var timeRange: String { BerlinTime.timeRange(startsAt, endsAt) }
}

struct TimetableDayModel: Codable, Sendable {
    let day: CalendarDay
    let units: [TimetableUnit]
}

/// A part's public page and `GET /api/v1/parts/{id}`.
struct PartPage: Codable, Sendable {
    let part: PartSummary
    let address: String
    let capacity: Int
    let delivery: String
    let programmeTitle: String
    let editionTitle: String
    let days: [TimetableDayModel]
}
