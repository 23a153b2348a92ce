import CohesionCore
import CohesionPlatform
import Foundation

/// A part as lists show it.
struct PartSummary: Codable, Sendable {
    let id: UUID
    let editionID: UUID
    let number: Int
    let title: String
    let focus: String
    let startsOn: CalendarDay
    let endsOn: CalendarDay
    let venueName: String
    let city: String

    var dates: String { BerlinTime.range(startsOn, endsOn) }
}

struct EditionSummary: Codable, Sendable {
    let id: UUID
    let title: String
    let summary: String
    let parts: [PartSummary]
}

struct ModuleSummary: Codable, Sendable {
    let id: UUID
    let code: String
    let title: String
}

struct CompetenceAreaSummary: Codable, Sendable {
    let id: UUID
    let title: String
}

struct ProgrammeSummary: Codable, Sendable {
    let id: UUID
    let title: String
    let summary: String
    let editions: [EditionSummary]
    let modules: [ModuleSummary]
    let competenceAreas: [CompetenceAreaSummary]
}

/// The home page and `GET /api/v1/programmes`.
struct ProgrammeOverview: Codable, Sendable {
    let programmes: [ProgrammeSummary]
}

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
    let module: ModuleSummary?
    let competenceAreas: [String]
    let facilitators: [String]

    var formatLabel: String { UnitFormat(rawValue: format)?.label ?? format }
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
    let programmeTitle: String
    let editionTitle: String
    let days: [TimetableDayModel]
}
