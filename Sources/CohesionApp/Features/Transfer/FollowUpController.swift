import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead opens the follow-up of an edition; its participants answer it once.
struct FollowUpController {
    struct OwnProject: Decodable, Sendable { let id: UUID; let goal: String; let partNumber: Int; let outcome: String? }

    // MARK: - The lead

    func phasePage(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let phase = try await FollowUpPhase.query(on: req.db).filter(\.$edition.$id == edition.requireID()).first()
        var values = FormValues()
        values["beginn"] = phase?.opensOn.iso ?? ""
        values["ende"] = phase?.closesOn.iso ?? ""
        return try await phaseForm(req, edition: edition, values: values, errors: FieldErrors(), status: .ok)
    }

    func savePhase(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        let values = req.formValues()
        var errors = FieldErrors()
        let lastDay = try await Self.lastDay(of: editionID, on: req.sql)
        let opens = CalendarDay(iso: values["beginn"])
        let closes = CalendarDay(iso: values["ende"])
        if opens == nil { errors.add("beginn", "Bitte ein Datum angeben (TT.MM.JJJJ).") }
        if closes == nil { errors.add("ende", "Bitte ein Datum angeben (TT.MM.JJJJ).") }
        if let opens, let lastDay, opens <= lastDay {
            errors.add("beginn", "Die Nachbefragung beginnt nach dem letzten Teil, frühestens am \(BerlinTime.longDate(lastDay.adding(days: 1))).")
        }
        if let opens, let closes, closes < opens { errors.add("ende", "Das Ende liegt vor dem Beginn.") }
        guard let opens, let closes, errors.isEmpty else {
            return try await phaseForm(req, edition: edition, values: values, errors: errors, status: .unprocessableEntity)
        }
        try await Audit.recording(TransferFeature.audit, "Nachbefragung „\(edition.title)“: \(opens.iso) bis \(closes.iso)", objectID: editionID, by: req) {
            db in
            let phase = try await FollowUpPhase.query(on: db).filter(\.$edition.$id == editionID).first() ?? FollowUpPhase()
            phase.$edition.id = editionID
            phase.opensOn = opens
            phase.closesOn = closes
            try await phase.save(on: db)
        }
        return req.redirect(to: AdminURL.followUpPhase(.value(editionID)).path + "?gespeichert=1")
    }

    private func phaseForm(_ req: Request, edition: Edition, values: FormValues, errors: FieldErrors, status: HTTPStatus) async throws -> Response {
        let editionID = try edition.requireID()
        let areas = try await AssessmentQueries.areas(editionID: editionID, on: req.sql)
        let report = try await TransferReport.query(editionID: editionID, areas: areas, rule: req.disclosureRule, on: req.sql)
        return .html(
            FollowUpView.phase(
                editionID: editionID, editionTitle: edition.title, lastDay: try await Self.lastDay(of: editionID, on: req.sql),
                report: report, saved: req.query[String.self, at: "gespeichert"] != nil, values: values, errors: errors,
                frame: req.frame("Nachbefragung", section: .admin)),
            status: status)
    }

    // MARK: - A participant

    func form(req: Request) async throws -> Response {
        let (editionID, title) = try await answerable(req)
        return try await answerForm(req, editionID: editionID, title: title, values: FormValues(), errors: FieldErrors(), status: .ok)
    }

    func submit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (editionID, title) = try await answerable(req)
        let values = req.formValues()
        let areas = try await AssessmentQueries.areas(editionID: editionID, on: req.sql)
        let projects = try await Self.projects(of: user.id, in: editionID, on: req.sql)
        var errors = FieldErrors()
        func picked(_ name: String, from allowed: Set<String>) -> [String] {
            let chosen = values.all(name)
            if chosen.contains(where: { !allowed.contains($0) }) { errors.add(name, "Bitte nur aus der Liste wählen.") }
            return chosen.filter(allowed.contains)
        }
        let used = picked("felder", from: Set(areas.map { $0.id.uuidString.lowercased() }))
        let changes = picked("veraenderungen", from: Set(TransferOption.changes.map(\.code)))
        let helped = picked("geholfen", from: Set(TransferOption.helped.map(\.code)))
        let hindered = picked("gehindert", from: Set(TransferOption.hindered.map(\.code)))
        var outcomes: [UUID: ProjectOutcome?] = [:]
        for project in projects {
            let raw = values["projekt-" + project.id.uuidString.lowercased()]
            if raw.isEmpty {
                outcomes[project.id] = .some(nil)
            } else if let outcome = ProjectOutcome(rawValue: raw) {
                outcomes[project.id] = outcome
            } else {
                errors.add("projekt-" + project.id.uuidString.lowercased(), "Bitte einen Stand aus der Liste wählen.")
            }
        }
        guard errors.isEmpty else {
            return try await answerForm(req, editionID: editionID, title: title, values: values, errors: errors, status: .unprocessableEntity)
        }
        let reported = outcomes
        guard let phase = try await FollowUpPhase.query(on: req.db).filter(\.$edition.$id == editionID).first() else { throw AppError.notFound }
        let phaseID = try phase.requireID()
        do {
            try await store(phaseID: phaseID, userID: user.id, answer: (used, changes, helped, hindered), outcomes: reported, on: req.db)
        } catch {
            // Sent twice at once (a double click): the other request stored the answer, and the
            // unique participation refused this one. Anything else is a real failure.
            guard
                try await FollowUpParticipation.query(on: req.db).filter(\.$phase.$id == phaseID).filter(\.$user.$id == user.id).count() > 0
            else { throw error }
        }
        return req.redirect(to: Notice.thanks.appended(to: SiteURL.myProgramme.path))
    }

    /// The answer without a name, the participation apart from it, and the projects' outcomes, together or not at all.
    private func store(
        phaseID: UUID, userID: UUID, answer: (used: [String], changes: [String], helped: [String], hindered: [String]),
        outcomes reported: [UUID: ProjectOutcome?], on database: any Database
    ) async throws {
        let (used, changes, helped, hindered) = answer
        try await database.transaction { db in
            let participation = FollowUpParticipation()
            participation.$phase.id = phaseID
            participation.$user.id = userID
            try await participation.create(on: db)
            let response = FollowUpResponse()
            response.$phase.id = phaseID
            response.areasUsed = used.joined(separator: ",")
            response.changes = changes.joined(separator: ",")
            response.helped = helped.joined(separator: ",")
            response.hindered = hindered.joined(separator: ",")
            try await response.create(on: db)
            // The projects' outcomes are the participant's own record, as on the project's page.
            for (id, outcome) in reported {
                guard let outcome, let project = try await PracticeProject.find(id, on: db), project.$user.id == userID else { continue }
                project.outcome = outcome
                try await project.save(on: db)
            }
        }
    }

    private func answerForm(
        _ req: Request, editionID: UUID, title: String, values: FormValues, errors: FieldErrors, status: HTTPStatus
    ) async throws -> Response {
        let user = try req.requireUser()
        var values = values
        let projects = try await Self.projects(of: user.id, in: editionID, on: req.sql)
        for project in projects where values["projekt-" + project.id.uuidString.lowercased()].isEmpty {
            values["projekt-" + project.id.uuidString.lowercased()] = project.outcome ?? ""
        }
        return .html(
            FollowUpView.form(
                editionID: editionID, editionTitle: title, areas: try await AssessmentQueries.areas(editionID: editionID, on: req.sql),
                projects: projects, values: values, errors: errors, frame: req.frame("Nachbefragung", section: .myProgramme)),
            status: status)
    }

    /// The route's rule has made sure the follow-up is open, and the person a member who has not answered.
    private func answerable(_ req: Request) async throws -> (UUID, String) {
        let edition = try await Edition.named(by: req)
        return (try edition.requireID(), edition.title)
    }

    // MARK: - Queries

    private struct DayRow: Decodable { let lastDay: String? }

    static func lastDay(of editionID: UUID, on db: any SQLDatabase) async throws -> CalendarDay? {
        try await db.raw("SELECT MAX(ends_on) AS last_day FROM parts WHERE edition_id = \(bind: editionID)")
            .first(decoding: DayRow.self, with: .snakeCaseColumns)?.lastDay.flatMap { CalendarDay(iso: $0) }
    }

    static func projects(of userID: UUID, in editionID: UUID, on db: any SQLDatabase) async throws -> [OwnProject] {
        try await db.raw(
            """
            SELECT pp.id, pp.goal, p.number AS part_number, pp.outcome FROM practice_projects pp JOIN parts p ON p.id = pp.part_id
            WHERE pp.user_id = \(bind: userID) AND p.edition_id = \(bind: editionID) ORDER BY p.starts_on, pp.created_at
            """
        ).all(decoding: OwnProject.self, with: .snakeCaseColumns)
    }

    private struct OpenRow: Decodable { let editionID: UUID; let title: String; let closesOn: String }

    /// The follow-ups open today that this participant has not answered.
    static func openFor(_ userID: UUID, today: CalendarDay, on db: any SQLDatabase) async throws -> [(editionID: UUID, title: String, closesOn: CalendarDay)] {
        try await db.raw(
            """
            SELECT f.edition_id, e.title, f.closes_on FROM follow_up_phases f JOIN editions e ON e.id = f.edition_id
            JOIN edition_members m ON m.edition_id = f.edition_id AND m.user_id = \(bind: userID)
            WHERE f.opens_on <= \(bind: today.iso) AND f.closes_on >= \(bind: today.iso)
              AND NOT EXISTS (SELECT 1 FROM follow_up_participations x WHERE x.phase_id = f.id AND x.user_id = \(bind: userID))
            ORDER BY f.closes_on
            """
        ).all(decoding: OpenRow.self, with: .snakeCaseColumns).compactMap { row in
            CalendarDay(iso: row.closesOn).map { (row.editionID, row.title, $0) }
        }
    }
}
