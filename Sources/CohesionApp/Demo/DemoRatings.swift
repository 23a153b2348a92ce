import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

extension DemoData {
    /// Real AGS of municipalities in Baden-Württemberg, for the fictional officers' profiles.
    static let demoMunicipalities = ["08335043", "08111000", "08136088", "08335001", "08115001", "08115002"]

    /// Profiles and a before/after self-assessment that make the reports meaningful: most
    /// officers strongly need strategic action in the administration (which no unit of Part 2
    /// covers), and levels change by area as `DemoRatingPattern` describes. Runs once: skipped when the demo
    /// edition has assessment phases already.
    static func seedEvaluation(on db: Database) async throws {
        try await db.transaction { db in
            guard let edition = try await Edition.query(on: db).filter(\.$title == "Prototyp-Durchlauf 2022/23").first(),
                let editionID = edition.id,
                try await AssessmentPhase.query(on: db).filter(\.$edition.$id == editionID).count() == 0
            else { return }
            let emails = demoParticipants.map(\.email)
            let participants = try await User.query(on: db).filter(\.$email ~~ emails).all()
                .sorted { emails.firstIndex(of: $0.email)! < emails.firstIndex(of: $1.email)! }
            let areas = try await CompetenceArea.query(on: db).filter(\.$programme.$id == edition.$programme.id).sort(\.$position).all()
            try await seedAssessments(editionID: editionID, participants: participants, areas: try areas.map { try $0.requireID() }, on: db)
            let parts = try await seedAttendance(editionID: editionID, participants: participants, on: db)
            try await seedFeedback(parts: parts, participants: participants, on: db)
            try await seedNetworks(participants: participants, parts: parts, now: Date(), on: db)
        }
    }

    static let demoTakeaways = [
        "Den Begriff Integration im Gemeinderat klarer erklären.", "Kontakte zur Stabsstelle in Singen.",
        "Ein Netzwerktreffen mit den Migrantenorganisationen planen.", "Mehr Mut, Grenzen des Auftrags zu benennen.",
        "Empowerment-Angebote für Frauen vor Ort anstoßen.", "Argumente für aufgeheizte Debatten.",
        "Die eigene Stellenbeschreibung überarbeiten.", "Austausch mit anderen Landkreisen fortsetzen.",
    ]

    /// Everyone registered for every part of the edition, and attendance recorded: the last two
    /// people of the list are excused and absent. Returns the parts in order.
    static func seedAttendance(editionID: UUID, participants: [User], on db: Database) async throws -> [Part] {
        let parts = try await Part.query(on: db).filter(\.$edition.$id == editionID).sort(\.$startsOn).all()
        for part in parts {
            let partID = try part.requireID()
            for (index, person) in participants.enumerated() {
                let registration = Registration()
                registration.$part.id = partID
                registration.$user.id = try person.requireID()
                registration.status = RegistrationStatus.registered
                registration.sequence = index + 1
                registration.overnight = index % 3 != 0
                registration.diet = [Diet.none, .vegetarian, .vegan][index % 3].rawValue
                registration.dietNote = ""
                registration.accessibility = index == 4 ? "stufenloser Zugang" : ""
                registration.photoConsent = index != 2
                try await registration.create(on: db)
            }
            // Later registrations continue after the demo's arrival numbers.
            if let sql = db as? any SQLDatabase {
                try await sql.raw("UPDATE parts SET registration_sequence = \(bind: participants.count) WHERE id = \(bind: partID)").run()
            }
            for unit in try await Unit.query(on: db).filter(\.$part.$id == partID).all() {
                for (index, person) in participants.enumerated() {
                    let attendance = Attendance()
                    attendance.$unit.id = try unit.requireID()
                    attendance.$user.id = try person.requireID()
                    let fromEnd = participants.count - index
                    attendance.status = (fromEnd == 1 ? AttendanceStatus.absent : fromEnd == 2 ? .excused : .present)
                    try await attendance.create(on: db)
                }
            }
        }
        return parts
    }

    /// Part 2's feedback: the whole part answered by eight people, and three unit surveys.
    private static func seedFeedback(parts: [Part], participants: [User], on db: Database) async throws {
        guard let second = parts.last else { return }
        let secondID = try second.requireID()
        try await seedSurvey(
            partID: secondID, unitID: nil, title: "Rückmeldung zu Teil 2", opensOn: second.endsOn.iso,
            questions: [
                (.scale, "Wie hilfreich war Teil 2 für Ihre Arbeit?", "", ["5", "4", "4", "5", "3", "4", "5", "4"]),
                (.single, "Wie war das Tempo?", "zu langsam\npassend\nzu schnell", ["2", "1", "1", "1", "2", "1", "1", "1"]),
                (.text, "Was nehmen Sie mit in Ihre Kommune?", "", demoTakeaways),
            ], participants: participants, on: db)
        // Unit surveys with the same wording, so the reports per facilitator can pool them; the
        // third has only three answers and stays out of every figure.
        let units = try await Unit.query(on: db).filter(\.$part.$id == secondID).sort(\.$startsAt).all()
        let unitFeedback: [(unit: Int, satisfaction: [String], helped: [String])] = [
            (
                0, ["4", "5", "4", "3", "4", "5"],
                [
                    "Die Zeitleiste der Begriffe", "Beispiele aus Landkreisen", "Klare Begriffe",
                    "Zeit für Fragen", "Die Literaturliste", "Vergleich der Konzepte",
                ]
            ),
            (
                3, ["5", "5", "4", "5", "4", "5"],
                [
                    "Das Praxisbeispiel aus Singen", "Kontakte zu Frauenverbänden", "Ehrliche Einblicke",
                    "Konkrete Schritte", "Austausch in Kleingruppen", "Mut machen",
                ]
            ),
            (2, ["2", "3", "4"], ["Klarheit", "Fallbeispiele", "Diskussion"]),
        ]
        for feedback in unitFeedback where units.indices.contains(feedback.unit) {
            let unit = units[feedback.unit]
            try await seedSurvey(
                partID: secondID, unitID: try unit.requireID(), title: "Rückmeldung: " + unit.title, opensOn: second.endsOn.iso,
                questions: [
                    (.scale, "Wie zufrieden waren Sie mit der Einheit?", "", feedback.satisfaction),
                    (.text, "Was hat Ihnen geholfen?", "", feedback.helped),
                ],
                participants: participants, on: db)
        }
    }

    /// An anonymous survey answered by the first participants: answer `i` of every question is person `i`'s.
    static func seedSurvey(
        partID: UUID, unitID: UUID?, title: String, opensOn: String, closesOn: String = "2023-08-31",
        questions texts: [(kind: QuestionKind, text: String, options: String, answers: [String])],
        participants: [User], on db: Database
    ) async throws {
        let survey = Survey()
        survey.$part.id = partID
        survey.$unit.id = unitID
        survey.title = title
        survey.anonymous = true
        survey.opensOn = opensOn
        survey.closesOn = closesOn
        try await survey.create(on: db)
        var questions: [SurveyQuestion] = []
        for (index, text) in texts.enumerated() {
            let question = SurveyQuestion()
            question.$survey.id = try survey.requireID()
            question.position = index + 1
            question.kind = text.kind
            question.text = text.text
            question.options = text.options
            try await question.create(on: db)
            questions.append(question)
        }
        let respondents = texts.map(\.answers.count).min() ?? 0
        for person in participants.prefix(respondents) {
            let participation = SurveyParticipation()
            participation.$survey.id = try survey.requireID()
            participation.$user.id = try person.requireID()
            try await participation.create(on: db)
        }
        for index in 0..<respondents {
            let response = SurveyResponse()
            response.$survey.id = try survey.requireID()
            try await response.create(on: db)
            for (question, text) in zip(questions, texts) {
                let answer = SurveyAnswer()
                answer.$response.id = try response.requireID()
                answer.$question.id = try question.requireID()
                answer.value = text.answers[index]
                try await answer.create(on: db)
            }
        }
    }

    /// Profiles in the given municipalities, and a before and after self-assessment with a then-test.
    static func seedAssessments(
        editionID: UUID, participants: [User], areas: [UUID], municipalities: [String] = demoMunicipalities,
        on db: Database
    ) async throws {
        let embeddings = Embedding.allCases
        for (index, person) in participants.enumerated() {
            try await createProfile(
                for: person, index: index, regionKey: municipalities[index % municipalities.count],
                embedding: embeddings[index % 3], on: db)
        }
        try await seedRatings(editionID: editionID, participants: participants, areas: areas, on: db)
    }

    /// A profile whose details other than the place and the post vary with `index`.
    static func createProfile(for person: User, index: Int, regionKey: String, embedding: Embedding, on db: Database) async throws {
        let profile = Profile()
        profile.$user.id = try person.requireID()
        profile.regionKey = regionKey
        profile.embedding = embedding.rawValue
        profile.sharePercent = [100, 50, 75, 100, 25][index % 5]
        profile.fixedTerm = index % 2 == 0
        profile.funding = index % 2 == 0 ? "kommunale Mittel" : "Förderprogramm des Landes"
        profile.mandate = Mandate.allCases[index % 3].rawValue
        profile.taskFields = [TaskField.contactPoint, .network, .integrationConcept].prefix(1 + index % 3).map(\.rawValue).joined(separator: ",")
        profile.fieldsOfAction = [FieldOfAction.language, .work, .housing].prefix(1 + index % 3).map(\.rawValue).joined(separator: ",")
        profile.inPostSince = "20\(18 + index % 5)-0\(1 + index % 9)"
        try await profile.create(on: db)
    }

    /// A closed phase before and one after (with the then-test), rated as `DemoRatingPattern` describes.
    static func seedRatings(editionID: UUID, participants: [User], areas: [UUID], on db: Database) async throws {
        let pre = AssessmentPhase()
        pre.$edition.id = editionID
        pre.code = AssessmentPhaseKind.pre.code
        pre.isOpen = false
        pre.asksRetrospective = false
        try await pre.create(on: db)
        let post = AssessmentPhase()
        post.$edition.id = editionID
        post.code = AssessmentPhaseKind.post.code
        post.isOpen = false
        post.asksRetrospective = true
        try await post.create(on: db)
        for (index, person) in participants.enumerated() {
            for (areaIndex, area) in areas.enumerated() {
                let pattern = DemoRatingPattern.rating(person: index, area: areaIndex, cohort: participants.count)
                for (phase, level) in [(pre, pattern.before), (post, pattern.after)] {
                    let rating = SelfAssessment()
                    rating.$phase.id = try phase.requireID()
                    rating.$user.id = try person.requireID()
                    rating.$competenceArea.id = area
                    rating.level = level
                    rating.need = pattern.need
                    rating.retrospectiveLevel = phase === post ? pattern.retrospective : nil
                    rating.note = ""
                    try await rating.create(on: db)
                }
            }
        }
    }
}
