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
