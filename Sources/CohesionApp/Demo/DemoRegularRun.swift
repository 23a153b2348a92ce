import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The programme's first regular run after the prototype: a cohort of 25 large enough that the
/// reports split by municipal context show values. Fictional officers in real municipalities and
/// Landkreise of Baden-Württemberg (keys of the official register in `data/`).
extension DemoData {
    static let regularRunTitle = "Erster Regeldurchlauf 2024/25"

    static let regularRunSummary = """
        Der erste reguläre Durchlauf nach dem Prototyp: 25 Integrationsbeauftragte aus Stadtkreisen, Städten, Gemeinden \
        und Landkreisen Baden-Württembergs, Auftakt im November 2024 in Stuttgart.
        """

    struct Officer {
        let email: String
        let name: String
        /// AGS of a Gemeinde (eight digits) or key of a Landkreis (five digits).
        let regionKey: String
        let embedding: Embedding
    }

    /// Five Stadtkreise, six Große Kreisstädte, five Städte, five Gemeinden and four Landkreise.
    static let regularRunOfficers: [Officer] = [
        Officer(email: "c.arslan@demo.cohesion.example", name: "Canan Arslan", regionKey: "08111000", embedding: .staffUnit),
        Officer(email: "p.lehmann@demo.cohesion.example", name: "Peter Lehmann", regionKey: "08212000", embedding: .officeUnit),
        Officer(email: "n.ibrahim@demo.cohesion.example", name: "Nadia Ibrahim", regionKey: "08222000", embedding: .officeUnit),
        Officer(email: "m.fischer@demo.cohesion.example", name: "Martina Fischer", regionKey: "08311000", embedding: .staffUnit),
        Officer(email: "g.papadopoulos@demo.cohesion.example", name: "Georgios Papadopoulos", regionKey: "08421000", embedding: .officeUnit),
        Officer(email: "u.schmid@demo.cohesion.example", name: "Ulrike Schmid", regionKey: "08335043", embedding: .staffUnit),
        Officer(email: "a.kowalski@demo.cohesion.example", name: "Adam Kowalski", regionKey: "08335075", embedding: .officeUnit),
        Officer(email: "h.yildiz@demo.cohesion.example", name: "Hatice Yıldız", regionKey: "08136088", embedding: .staffUnit),
        Officer(email: "b.krueger@demo.cohesion.example", name: "Birgit Krüger", regionKey: "08118048", embedding: .officeUnit),
        Officer(email: "s.mensah@demo.cohesion.example", name: "Samuel Mensah", regionKey: "08116019", embedding: .officeUnit),
        Officer(email: "k.bauer@demo.cohesion.example", name: "Katrin Bauer", regionKey: "08326074", embedding: .staffUnit),
        Officer(email: "o.petrenko@demo.cohesion.example", name: "Olena Petrenko", regionKey: "08317110", embedding: .sharedBetweenMunicipalities),
        Officer(email: "w.richter@demo.cohesion.example", name: "Werner Richter", regionKey: "08437104", embedding: .officeUnit),
        Officer(email: "e.demir@demo.cohesion.example", name: "Elif Demir", regionKey: "08326003", embedding: .staffUnit),
        Officer(email: "t.braun@demo.cohesion.example", name: "Tanja Braun", regionKey: "08216017", embedding: .officeUnit),
        Officer(email: "l.nguyen@demo.cohesion.example", name: "Linh Nguyen", regionKey: "08118007", embedding: .staffUnit),
        Officer(email: "r.wolf@demo.cohesion.example", name: "Ralf Wolf", regionKey: "08437107", embedding: .sharedBetweenMunicipalities),
        Officer(email: "i.hamidi@demo.cohesion.example", name: "Ines Hamidi", regionKey: "08317121", embedding: .sharedBetweenMunicipalities),
        Officer(email: "c.maier@demo.cohesion.example", name: "Christina Maier", regionKey: "08426120", embedding: .officeUnit),
        Officer(email: "j.okafor@demo.cohesion.example", name: "Joy Okafor", regionKey: "08416026", embedding: .sharedBetweenMunicipalities),
        Officer(email: "d.keller@demo.cohesion.example", name: "Dominik Keller", regionKey: "08326037", embedding: .sharedBetweenMunicipalities),
        Officer(email: "z.sahin@demo.cohesion.example", name: "Zeynep Şahin", regionKey: "08335", embedding: .staffUnit),
        Officer(email: "m.horvath@demo.cohesion.example", name: "Márta Horváth", regionKey: "08118", embedding: .officeUnit),
        Officer(email: "a.vogel@demo.cohesion.example", name: "Andreas Vogel", regionKey: "08317", embedding: .staffUnit),
        Officer(email: "s.ali@demo.cohesion.example", name: "Sara Ali", regionKey: "08416", embedding: .officeUnit),
    ]

    static let regularRunParts = [
        partPlans[0].moved(
            first: CalendarDay(year: 2024, month: 11, day: 14), venue: "Hospitalhof Stuttgart", address: "Büchsenstraße 33",
            city: "Stuttgart"),
        partPlans[1].moved(
            first: CalendarDay(year: 2025, month: 3, day: 20), venue: "Tollhaus Karlsruhe", address: "Schlachthausstraße 1",
            city: "Karlsruhe"),
        PartPlan(
            number: 3, title: "Netzwerke und Schnittstellen", focus: "Netzwerk- und Schnittstellenarbeit, strategisches Handeln",
            first: CalendarDay(year: 2025, month: 7, day: 10), last: CalendarDay(year: 2025, month: 7, day: 11),
            venue: "Haus der Begegnung", address: "Habsburgerstraße 2", city: "Freiburg im Breisgau",
            units: [
                UnitPlan(
                    title: "Das eigene Netzwerk kartieren", day: 0, start: "10:00", end: "12:00", room: "Saal", format: .workshop,
                    module: "III", areas: [5], people: ["facilitator"],
                    description: "Akteure vor Ort, ihre Verbindungen und Lücken: jede*r zeichnet das eigene Netzwerk.",
                    objectives: "Die Teilnehmer*innen kennen ihr Netzwerk und wissen, wen sie ansprechen wollen."),
                UnitPlan(
                    title: "Zusammenarbeit mit Jobcenter und Agentur für Arbeit", day: 0, start: "13:30", end: "15:30", room: "Saal",
                    format: .discussion, module: "III", areas: [5, 3], people: ["singen"],
                    description: "Schnittstellen zwischen Kommune und Arbeitsverwaltung, mit Gästen aus beiden Häusern.",
                    objectives: "Die Teilnehmer*innen kennen Zuständigkeiten und Wege der Zusammenarbeit."),
                UnitPlan(
                    title: "Austausch: Was hat sich seit dem Auftakt verändert?", day: 1, start: "09:30", end: "11:30", room: "Saal",
                    format: .exchange, module: "I", areas: [0, 8], people: [],
                    description: "Die Kohorte blickt auf ein Jahr zurück: Praxisprojekte, Erfolge, offene Fragen.",
                    objectives: "Die Teilnehmer*innen benennen, was sie verändert haben und was sie weiter brauchen."),
            ], capacity: regularRunCapacity),
    ]

    static let regularRunCapacity = 28

    /// Loads the regular run once; skipped when an edition of that title exists. Needs `seed`
    /// first (programme, modules, areas, facilitators). Nobody signs in as these officers until
    /// `seed-demo --reset-passwords` gives every demo account a password.
    static func seedRegularRun(on db: Database, hasher: PasswordHasher, secrets: SecretGenerator = .live) async throws {
        try await db.transaction { db in
            guard let programme = try await Programme.query(on: db).filter(\.$title == programmeTitle).first(),
                try await Edition.query(on: db).filter(\.$title == regularRunTitle).count() == 0
            else { return }
            let programmeID = try programme.requireID()
            let edition = Edition(programmeID: programmeID, title: regularRunTitle, summary: regularRunSummary)
            try await edition.create(on: db)
            let editionID = try edition.requireID()
            let hash = try hasher.hash(secrets.make())
            var officers: [User] = []
            for (index, officer) in regularRunOfficers.enumerated() {
                let user = User(email: officer.email, name: officer.name, role: .participant, passwordHash: hash)
                try await user.create(on: db)
                try await EditionMember(editionID: editionID, userID: try user.requireID()).create(on: db)
                try await createProfile(for: user, index: index, regionKey: officer.regionKey, embedding: officer.embedding, on: db)
                officers.append(user)
            }
            let (modules, areas, people) = try await DemoData.curriculum(programmeID: programmeID, on: db)
            for plan in regularRunParts {
                try await plan.create(editionID: editionID, modules: modules, areas: areas, people: people, on: db)
            }
            try await seedRatings(editionID: editionID, participants: officers, areas: areas, on: db)
            let parts = try await seedAttendance(editionID: editionID, participants: officers, on: db)
            try await seedNetworks(participants: officers, parts: parts, now: Date(), on: db)
        }
    }
}

extension DemoData.PartPlan {
    /// The same part, with its units, on other days at another venue: a later run of the programme.
    func moved(first newFirst: CalendarDay, venue: String, address: String, city: String) -> Self {
        let length = Self.days(from: first, to: last)
        return Self(
            number: number, title: title, focus: focus, first: newFirst, last: newFirst.adding(days: length),
            venue: venue, address: address, city: city, units: units, capacity: DemoData.regularRunCapacity)
    }

    private static func days(from start: CalendarDay, to end: CalendarDay) -> Int {
        var count = 0
        var day = start
        while day < end { day = day.adding(days: 1); count += 1 }
        return count
    }
}
