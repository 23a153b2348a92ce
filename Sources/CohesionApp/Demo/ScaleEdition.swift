import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// Writes one edition of the scale data: its parts and units through the demo's plans, and its
/// people with everything they produce as bulk rows.
struct EditionWriter {
    let db: any Database
    var random: SeededRandom
    let places: PopulationWeights
    let hash: String
    /// The first person's own password hash, so one account of the edition can sign in.
    let firstHash: String?
    let tables: TableRows
    let catalogue: [String: [TableColumn]]
    private(set) var written: [String: Int] = [:]

    static func email(number: Int) -> String { "person-\(number)@skalenprobe.cohesion.example" }

    init(db: any Database, seed: UInt64, places: PopulationWeights, hash: String, firstHash: String?) async throws {
        self.firstHash = firstHash
        self.db = db
        random = SeededRandom(seed: seed)
        self.places = places
        self.hash = hash
        tables = try TableRows(db)
        catalogue = try await tables.catalogue(leaving: FeatureCatalog.cohesion.derivedTables)
    }

    private func rows(_ table: String, _ columns: [String]) throws -> ScaleRows {
        try ScaleRows(table, columns, catalogue: catalogue, tables: tables)
    }

    mutating func edition(
        index: Int, size: Int, firstNumber: Int, programmeID: UUID,
        curriculum: (modules: [String: UUID], areas: [UUID], people: [String: UUID])
    ) async throws -> UUID {
        let year = 2024 + index / 40
        let edition = Edition(
            programmeID: programmeID, title: "\(ScaleData.titlePrefix) \(year)/\(index % 40 + 1) (\(size) Teilnehmende)",
            summary: "Synthetische Daten für Messungen im Maßstab eines Landes; die Personen gibt es nicht.")
        try await edition.create(on: db)
        let editionID = try edition.requireID()
        // Editions start a week apart, from 2024 on; the plan's own dates lie in 2022/23.
        for plan in DemoData.partPlans {
            try await plan.shifted(byDays: 420 + index * 7, capacity: size)
                .create(editionID: editionID, modules: curriculum.modules, areas: curriculum.areas, people: curriculum.people, on: db)
        }
        let parts = try await Part.query(on: db).filter(\.$edition.$id == editionID).sort(\.$number).all()
        var units: [UUID: [UUID]] = [:]
        for part in parts {
            units[try part.requireID()] = try await Unit.query(on: db).filter(\.$part.$id == part.requireID()).sort(\.$startsAt).all().map {
                try $0.requireID()
            }
        }
        let people = try await participants(size: size, firstNumber: firstNumber, editionID: editionID)
        var present: [UUID: [UUID]] = [:]
        try await registrationsAndAttendance(people, parts: parts, units: units, present: &present)
        try await assessments(people, editionID: editionID, areas: curriculum.areas)
        try await surveys(parts: parts, units: units, present: present)
        return editionID
    }

    private mutating func finish(_ writers: ScaleRows...) async throws {
        for writer in writers {
            try await writer.flush()
            written[writer.table, default: 0] += writer.written
        }
    }

    /// Accounts, memberships and profiles in municipalities chosen by population.
    private mutating func participants(size: Int, firstNumber: Int, editionID: UUID) async throws -> [UUID] {
        let users = try rows("users", ["id", "email", "name", "role", "password_hash", "created_at"])
        let members = try rows("edition_members", ["id", "edition_id", "user_id"])
        let profiles = try rows(
            "profiles",
            [
                "id", "user_id", "region_key", "embedding", "share_percent", "fixed_term", "funding", "mandate",
                "task_fields", "fields_of_action", "in_post_since", "updated_at",
            ])
        members.parents = [users]
        profiles.parents = [users]
        let created = Date(timeIntervalSince1970: 1_704_067_200)
        var ids: [UUID] = []
        ids.reserveCapacity(size)
        for offset in 0..<size {
            let number = firstNumber + offset + 1
            let id = random.uuid()
            let first = ScaleNames.first.randomElement(using: &random)!
            let family = ScaleNames.family.randomElement(using: &random)!
            try await users.add([
                .uuid(id), .text(Self.email(number: number)), .text("\(first) \(family)"),
                .text(Role.participant.rawValue), .text(offset == 0 ? firstHash ?? hash : hash), .date(created),
            ])
            try await members.add([.uuid(random.uuid()), .uuid(editionID), .uuid(id)])
            let pick = Int.random(in: 0..<1_000, using: &random)
            try await profiles.add([
                .uuid(random.uuid()), .uuid(id), .text(places.pick(using: &random)), .text(Embedding.allCases[pick % 3].rawValue),
                .int([100, 50, 75, 100, 25][pick % 5]), .bool(pick % 2 == 0), .text(pick % 2 == 0 ? "kommunale Mittel" : "Förderprogramm des Landes"),
                .text(Mandate.allCases[pick % 3].rawValue),
                .text([TaskField.contactPoint, .network, .integrationConcept].prefix(1 + pick % 3).map(\.rawValue).joined(separator: ",")),
                .text([FieldOfAction.language, .work, .housing].prefix(1 + pick % 3).map(\.rawValue).joined(separator: ",")),
                .text("20\(15 + pick % 10)-0\(1 + pick % 9)"), .date(created),
            ])
            ids.append(id)
        }
        try await finish(users, members, profiles)
        return ids
    }

    /// Everyone registered for every part; most present at each unit, some excused or absent.
    private mutating func registrationsAndAttendance(
        _ people: [UUID], parts: [Part], units: [UUID: [UUID]],
        present: inout [UUID: [UUID]]
    ) async throws {
        let registrations = try rows(
            "registrations",
            [
                "id", "part_id", "user_id", "status", "sequence", "overnight", "diet", "diet_note",
                "accessibility", "photo_consent", "updated_at", "late_change_reason",
            ])
        let attendances = try rows("attendances", ["id", "unit_id", "user_id", "status", "updated_at"])
        let diets: [Diet] = [.none, .none, .none, .vegetarian, .vegan, .halal]
        for part in parts {
            let partID = try part.requireID()
            let when = BerlinTime.instant(on: part.endsOn, at: "18:00") ?? Date()
            for (index, person) in people.enumerated() {
                try await registrations.add([
                    .uuid(random.uuid()), .uuid(partID), .uuid(person), .text(RegistrationStatus.registered.rawValue),
                    .int(index + 1), .bool(random.chance(0.6)), .text(diets.randomElement(using: &random)!.rawValue),
                    .text(""), .text(""), .bool(random.chance(0.9)), .date(when), .text(""),
                ])
            }
            for unit in units[partID] ?? [] {
                var here: [UUID] = []
                for person in people {
                    let roll = Double.random(in: 0..<1, using: &random)
                    let status: AttendanceStatus = roll < 0.92 ? .present : roll < 0.97 ? .excused : .absent
                    if status == .present { here.append(person) }
                    try await attendances.add([.uuid(random.uuid()), .uuid(unit), .uuid(person), .text(status.rawValue), .date(when)])
                }
                present[unit] = here
            }
            present[partID] = people
        }
        try await finish(registrations, attendances)
        if let sql = db as? any SQLDatabase {
            for part in parts {
                try await sql.raw("UPDATE parts SET registration_sequence = \(bind: people.count) WHERE id = \(bind: part.requireID())").run()
            }
        }
    }

    /// A closed phase before (nine in ten answer) and after (two in three of those), rated as `DemoRatingPattern` describes.
    private mutating func assessments(_ people: [UUID], editionID: UUID, areas: [UUID]) async throws {
        var phases: [UUID] = []
        for kind in [AssessmentPhaseKind.pre, .post] {
            let phase = AssessmentPhase()
            phase.$edition.id = editionID
            phase.code = kind.code
            phase.isOpen = false
            phase.asksRetrospective = kind == .post
            try await phase.create(on: db)
            phases.append(try phase.requireID())
        }
        let ratings = try rows(
            "self_assessments",
            [
                "id", "phase_id", "user_id", "competence_area_id", "level", "need", "retrospective_level",
                "note", "updated_at",
            ])
        let when = Date(timeIntervalSince1970: 1_704_067_200)
        for (index, person) in people.enumerated() where random.chance(0.9) {
            let after = random.chance(0.67)
            for (areaIndex, area) in areas.enumerated() {
                let pattern = DemoRatingPattern.rating(person: index, area: areaIndex, cohort: people.count)
                try await ratings.add([
                    .uuid(random.uuid()), .uuid(phases[0]), .uuid(person), .uuid(area), .int(pattern.before),
                    .int(pattern.need), .null, .text(""), .date(when),
                ])
                if after {
                    try await ratings.add([
                        .uuid(random.uuid()), .uuid(phases[1]), .uuid(person), .uuid(area), .int(pattern.after),
                        .int(pattern.need), .int(pattern.retrospective), .text(""), .date(when),
                    ])
                }
            }
        }
        try await finish(ratings)
    }

    /// An anonymous survey per part (three questions, seven in ten answer) and per unit (one question, half answer).
    private mutating func surveys(parts: [Part], units: [UUID: [UUID]], present: [UUID: [UUID]]) async throws {
        let surveys = try rows("surveys", ["id", "part_id", "unit_id", "title", "anonymous", "opens_on", "closes_on"])
        let questions = try rows("survey_questions", ["id", "survey_id", "position", "kind", "text", "options"])
        let responses = try rows("survey_responses", ["id", "survey_id", "respondent_id"])
        let participations = try rows("survey_participations", ["id", "survey_id", "user_id"])
        let answers = try rows("survey_answers", ["id", "response_id", "question_id", "value"])
        questions.parents = [surveys]
        responses.parents = [surveys]
        participations.parents = [surveys]
        answers.parents = [responses, questions]
        for part in parts {
            let partID = try part.requireID()
            let opens = part.endsOn.iso
            let closes = part.endsOn.adding(days: 21).iso
            var asked: [(survey: UUID, title: String, attendees: [UUID], share: Double, questions: [(QuestionKind, String, String)])] = [
                (
                    random.uuid(), "Rückmeldung zu Teil \(part.number)", present[partID] ?? [], 0.7,
                    [
                        (.scale, "Wie hilfreich war der Teil für Ihre Arbeit?", ""),
                        (.single, "Wie war das Tempo?", "zu langsam\npassend\nzu schnell"),
                        (.text, "Was nehmen Sie mit in Ihre Kommune?", ""),
                    ]
                )
            ]
            for unit in units[partID] ?? [] {
                asked.append(
                    (
                        random.uuid(), "Rückmeldung zur Einheit", present[unit] ?? [], 0.5,
                        [(.scale, "Wie zufrieden waren Sie mit der Einheit?", "")]
                    ))
            }
            for (index, survey) in asked.enumerated() {
                let unitID: CellValue = index == 0 ? .null : .uuid(units[partID]![index - 1])
                try await surveys.add([.uuid(survey.survey), .uuid(partID), unitID, .text(survey.title), .bool(true), .text(opens), .text(closes)])
                var questionIDs: [(UUID, QuestionKind)] = []
                for (position, question) in survey.questions.enumerated() {
                    let id = random.uuid()
                    questionIDs.append((id, question.0))
                    try await questions.add([
                        .uuid(id), .uuid(survey.survey), .int(position + 1), .text(question.0.rawValue),
                        .text(question.1), .text(question.2),
                    ])
                }
                for person in survey.attendees where random.chance(survey.share) {
                    try await participations.add([.uuid(random.uuid()), .uuid(survey.survey), .uuid(person)])
                    let response = random.uuid()
                    try await responses.add([.uuid(response), .uuid(survey.survey), .null])
                    for (question, kind) in questionIDs {
                        let value: String =
                            switch kind {
                            case .scale: String([2, 3, 4, 4, 5, 5][Int.random(in: 0..<6, using: &random)])
                            case .single: String([1, 2, 2, 2, 3][Int.random(in: 0..<5, using: &random)])
                            default: DemoData.demoTakeaways.randomElement(using: &random)!
                            }
                        try await answers.add([.uuid(random.uuid()), .uuid(response), .uuid(question), .text(value)])
                    }
                }
            }
        }
        // Surveys and questions before the rows that refer to them.
        try await finish(surveys, questions, responses, participations, answers)
    }
}
