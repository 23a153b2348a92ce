import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

final class Part: Model, @unchecked Sendable {
    static let schema = "parts"

    @ID(key: .id) var id: UUID?
    @Parent(key: "edition_id") var edition: Edition
    @Field(key: "number") var number: Int
    @Field(key: "title") var title: String
    @Field(key: "focus") var focus: String
    /// A part spans whole days, not instants; stored as ISO days ("2023-07-20").
    @Field(key: "starts_on") var startsOn: CalendarDay
    @Field(key: "ends_on") var endsOn: CalendarDay
    @Field(key: "venue_name") var venueName: String
    @Field(key: "address") var address: String
    @Field(key: "city") var city: String
    @Field(key: "capacity") var capacity: Int
    /// A `Delivery`: in person, online or hybrid.
    @Field(key: "delivery") var delivery: String

    init() { delivery = Delivery.inPerson.rawValue }

    /// "20.–21. Juli 2023"
    var dates: String { BerlinTime.range(startsOn, endsOn) }
}

final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Parent(key: "part_id") var part: Part
    @Field(key: "title") var title: String
    @Field(key: "description") var description: String
    @Field(key: "objectives") var objectives: String
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @Field(key: "room") var room: String
    @Field(key: "format") var format: String
    /// A `Delivery`; online and hybrid units have a video conference at `videoURL` (may follow later).
    @Field(key: "delivery") var delivery: String
    /// Shown only to the registered and the unit's facilitators, from 30 minutes before the start.
    @Field(key: "video_url") var videoURL: String
    @OptionalParent(key: "module_id") var module: CurriculumModule?
    /// Grows with every edit: calendar programs take a higher SEQUENCE as a change of the same event.
    @Field(key: "sequence") var sequence: Int

    init() {
        delivery = Delivery.inPerson.rawValue
        videoURL = ""
    }
}

final class UnitCompetenceArea: Model, @unchecked Sendable {
    static let schema = "unit_competence_areas"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "competence_area_id") var competenceArea: CompetenceArea

    init() {}

    init(unitID: UUID, competenceAreaID: UUID) {
        self.$unit.id = unitID
        self.$competenceArea.id = competenceAreaID
    }
}

final class UnitFacilitator: Model, @unchecked Sendable {
    static let schema = "unit_facilitators"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: Unit
    @Parent(key: "user_id") var user: User

    init() {}

    init(unitID: UUID, userID: UUID) {
        self.$unit.id = unitID
        self.$user.id = userID
    }
}
