import CohesionCore
import CohesionPlatform
import Fluent
import Foundation

extension DemoData {
    static let programmeSummary = """
        Ein Transferprojekt des Forschungsinstituts Gesellschaftlicher Zusammenhalt (FGZ), Standort Konstanz, \
        entwickelt mit Integrationsbeauftragten, den kommunalen Landesverbänden Baden-Württembergs und dem \
        Ministerium für Soziales, Gesundheit und Integration. Roter Faden: gesellschaftlichen Zusammenhalt stärken.
        """

    static let editionSummary = "Der erste Durchlauf: dieselbe Kohorte von rund zehn Integrationsbeauftragten besucht alle Teile."

    static let moduleTitles = [
        ("I", "Struktur, Professionalisierung und Mandat"),
        ("II", "Strategisches und individuelles Handeln im Verwaltungsalltag"),
        ("III", "Arbeit an den Schnittstellen zwischen Organisationen"),
        ("IV", "Arbeit mit und an Integrationskonzepten"),
    ]

    static let competenceAreaTitles = [
        "Rolle, Mandat und Grenzen",
        "Integrationskonzepte und ihre Entwicklung",
        "Deutschland als Einwanderungsland: Geschichte, Diskriminierung, öffentliche Debatte",
        "Kommunale Rahmenbedingungen: Bevölkerung, Verwaltung, Recht und Finanzierung",
        "Strategisches Handeln in der Verwaltung",
        "Netzwerk- und Schnittstellenarbeit",
        "Empowerment und Teilhabe",
        "Kommunikation in aufgeheizten Debatten",
        "Gesellschaftlicher Zusammenhalt (Querschnitt)",
    ]

    /// Fictional officers; the names and addresses belong to no one.
    static let demoParticipants: [(email: String, name: String)] = [
        ("a.becker@demo.cohesion.example", "Anna Becker"),
        ("m.yilmaz@demo.cohesion.example", "Mehmet Yılmaz"),
        ("s.hoffmann@demo.cohesion.example", "Sabine Hoffmann"),
        ("j.nowak@demo.cohesion.example", "Julia Nowak"),
        ("k.osei@demo.cohesion.example", "Kwame Osei"),
        ("l.schaefer@demo.cohesion.example", "Lena Schäfer"),
        ("d.popescu@demo.cohesion.example", "Daniela Popescu"),
        ("t.wagner@demo.cohesion.example", "Tobias Wagner"),
        ("r.haddad@demo.cohesion.example", "Rana Haddad"),
        ("f.mueller@demo.cohesion.example", "Felix Müller"),
    ]

    struct UnitPlan {
        let title: String
        let day: Int
        let start: String
        let end: String
        let room: String
        let format: UnitFormat
        let module: String
        let areas: [Int]
        let people: [String]
        let description: String
        let objectives: String
    }

    struct PartPlan {
        let number: Int
        let title: String
        let focus: String
        let first: CalendarDay
        let last: CalendarDay
        let venue: String
        let address: String
        let city: String
        let units: [UnitPlan]
        var capacity = 14

        /// The same part `days` later, for `capacity` people (the scale data's editions).
        func shifted(byDays days: Int, capacity: Int) -> PartPlan {
            PartPlan(
                number: number, title: title, focus: focus, first: first.adding(days: days), last: last.adding(days: days),
                venue: venue, address: address, city: city, units: units, capacity: capacity)
        }

        func create(editionID: UUID, modules: [String: UUID], areas: [UUID], people: [String: UUID], on db: Database) async throws {
            let part = Part()
            part.$edition.id = editionID
            part.number = number
            part.title = title
            part.focus = focus
            part.startsOn = first
            part.endsOn = last
            part.venueName = venue
            part.address = address
            part.city = city
            part.capacity = capacity
            try await part.create(on: db)
            let firstDay = first
            for plan in units {
                let unit = Unit()
                unit.$part.id = try part.requireID()
                unit.title = plan.title
                unit.description = plan.description
                unit.objectives = plan.objectives
                unit.startsAt = BerlinTime.instant(on: firstDay.adding(days: plan.day), at: plan.start)!
                unit.endsAt = BerlinTime.instant(on: firstDay.adding(days: plan.day), at: plan.end)!
                unit.room = plan.room
                unit.format = plan.format.rawValue
                unit.$module.id = modules[plan.module]
                unit.sequence = 0
                try await unit.create(on: db)
                for index in plan.areas { try await UnitCompetenceArea(unitID: try unit.requireID(), competenceAreaID: areas[index]).create(on: db) }
                for key in plan.people { try await UnitFacilitator(unitID: try unit.requireID(), userID: people[key]!).create(on: db) }
            }
        }
    }

    static let partPlans = [
        PartPlan(
            number: 1, title: "Auftakt", focus: "Rolle, Auftrag und Bedarfe der Kohorte",
            first: CalendarDay(year: 2022, month: 11, day: 10), last: CalendarDay(year: 2022, month: 11, day: 11), venue: "Tagungsstätte Stuttgart-Mitte",
            address: "", city: "Stuttgart",
            units: [
                UnitPlan(
                    title: "Ankommen und Kennenlernen", day: 0, start: "10:00", end: "11:30", room: "Saal", format: .exchange,
                    module: "I", areas: [0], people: [], description: "Die Kohorte stellt sich und ihre Kommunen vor.",
                    objectives: "Die Teilnehmer*innen kennen einander und die Vielfalt ihrer Stellen."),
                UnitPlan(
                    title: "Was wir brauchen: Bedarfe der Kohorte", day: 0, start: "13:00", end: "15:00", room: "Saal", format: .workshop,
                    module: "II", areas: [0, 4], people: ["facilitator"], description: "Sammeln, was die Arbeit vor Ort fordert.",
                    objectives: "Die Bedarfe sind gesammelt und gewichtet; sie prägen die nächsten Teile."),
                UnitPlan(
                    title: "Kommunale Rahmenbedingungen im Vergleich", day: 1, start: "09:30", end: "11:30", room: "Saal", format: .groupWork,
                    module: "II", areas: [3], people: ["facilitator"], description: "Stadt, Landkreis, Gemeinde: was unterscheidet die Stellen?",
                    objectives: "Die Teilnehmer*innen ordnen ihre Stelle in die kommunale Landschaft ein."),
            ]),
        PartPlan(
            number: 2, title: "Fachkenntnisse und Empowerment", focus: "Fachkenntnisse und Empowerment",
            first: CalendarDay(year: 2023, month: 7, day: 20), last: CalendarDay(year: 2023, month: 7, day: 21), venue: "Kulturzentrum am Münster",
            address: "Wessenbergstraße 43", city: "Konstanz",
            units: [
                UnitPlan(
                    title: "Integrationskonzepte und ihre Entwicklung", day: 0, start: "10:00", end: "12:00", room: "Seminarraum 1",
                    format: .lecture, module: "IV", areas: [1, 8], people: ["facilitator"],
                    description: "Von der Ausländerpolitik zum Integrationskonzept: Begriffe und ihre Geschichte.",
                    objectives: "Die Teilnehmer*innen unterscheiden Konzepte von Integration und ordnen das eigene ein."),
                UnitPlan(
                    title: "Die Debatte um Deutschland als Einwanderungsland", day: 0, start: "13:30", end: "15:30", room: "Seminarraum 1",
                    format: .discussion, module: "IV", areas: [2, 7], people: ["facilitator"],
                    description: "Geschichte, Diskriminierung und öffentliche Debatte.",
                    objectives: "Die Teilnehmer*innen argumentieren sicher in aufgeheizten Debatten."),
                UnitPlan(
                    title: "Mandate und Grenzen von Integrationsbeauftragten", day: 1, start: "09:30", end: "11:30", room: "Seminarraum 1",
                    format: .workshop, module: "I", areas: [0], people: ["facilitator"],
                    description: "Was ist Auftrag, was nicht? Klarheit über die eigene Rolle.",
                    objectives: "Die Teilnehmer*innen beschreiben Mandat und Grenzen ihrer Stelle."),
                UnitPlan(
                    title: "Empowerment für Frauen mit Flucht- und Migrationsgeschichte", day: 1, start: "12:30", end: "14:30",
                    room: "Seminarraum 2", format: .workshop, module: "III", areas: [6, 5], people: ["singen"],
                    description: "Ein Praxisbeispiel der Stabsstelle Integration der Stadt Singen.",
                    objectives: "Die Teilnehmer*innen kennen Wege, Empowerment-Angebote vor Ort aufzubauen."),
            ]),
    ]

    /// What a later run of the demo programme builds its parts from: the modules by code, the
    /// competence areas in order, and the two demo facilitators by the keys `UnitPlan.people` uses.
    static func curriculum(programmeID: UUID, on db: Database) async throws
        -> (modules: [String: UUID], areas: [UUID], people: [String: UUID])
    {
        var modules: [String: UUID] = [:]
        for module in try await CurriculumModule.query(on: db).filter(\.$programme.$id == programmeID).all() {
            modules[module.code] = try module.requireID()
        }
        let areas = try await CompetenceArea.query(on: db).filter(\.$programme.$id == programmeID).sort(\.$position).all()
            .map { try $0.requireID() }
        var people: [String: UUID] = [:]
        for (key, email) in [("facilitator", "referentin@demo.cohesion.example"), ("singen", "stabsstelle@demo.cohesion.example")] {
            people[key] = try await User.query(on: db).filter(\.$email == email).first()?.requireID()
        }
        return (modules, areas, people)
    }
}
