import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Participants set practice projects at the end of a part and report on them at the next;
/// the lead sees the state across the cohort.
struct PracticeController {
    static func fields(_ parts: [(UUID, String)]) -> [FieldSpec] {
        [
            FieldSpec(
                name: "partID", label: "Vereinbart am Ende von",
                kind: .select(
                    parts.map { .init(value: $0.0.uuidString, label: $0.1) },
                    emptyLabel: "Bitte wählen"), required: true),
            FieldSpec(name: "goal", label: "Ziel", kind: .textarea, required: true, hint: "Was wollen Sie in Ihrer Kommune erreichen?"),
            FieldSpec(name: "firstSteps", label: "Erste Schritte", kind: .textarea, required: true),
            FieldSpec(name: "dueOn", label: "Bis wann", kind: .date, required: true, hint: "TT.MM.JJJJ"),
        ]
    }

    static let reportFields: [FieldSpec] = [
        FieldSpec(
            name: "outcome", label: "Stand",
            kind: .select(
                ProjectOutcome.allCases.map { .init(value: $0.rawValue, label: $0.label) },
                emptyLabel: "Bitte wählen"), required: true),
        FieldSpec(name: "helped", label: "Was hat geholfen?", kind: .textarea),
        FieldSpec(name: "hindered", label: "Was war hinderlich?", kind: .textarea),
    ]

    func list(req: Request) async throws -> Response {
        try await page(req, values: FormValues(), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        var input = ProjectInput()
        input.partID = values["partID"]
        input.goal = values["goal"]
        input.firstSteps = values["firstSteps"]
        input.dueOn = values["dueOn"]
        let parts = try await memberParts(user.id, on: req)
        switch input.check(parts: Dictionary(uniqueKeysWithValues: parts.map { ($0.id, $0.endsOn) })) {
        case .invalid(let errors):
            return try await page(req, values: values, errors: errors)
        case .valid(let checked):
            let project = PracticeProject()
            project.$user.id = user.id
            project.$part.id = checked.partID
            project.goal = checked.goal
            project.firstSteps = checked.firstSteps
            project.dueOn = checked.dueOn.iso
            project.helped = ""
            project.hindered = ""
            try await project.create(on: req.db)
            return req.redirect(to: Notice.created.appended(to: SiteURL.projects.path))
        }
    }

    func showReport(req: Request) async throws -> Response {
        let project = try await ownProject(req)
        let values = FormValues(["outcome": project.outcome?.rawValue ?? "", "helped": project.helped, "hindered": project.hindered])
        return reportPage(req, project: project, values: values, errors: FieldErrors())
    }

    func saveReport(req: Request) async throws -> Response {
        let project = try await ownProject(req)
        let values = req.formValues()
        var errors = FieldErrors()
        let outcome = ProjectOutcome(rawValue: values["outcome"])
        if outcome == nil { errors.add("outcome", "Bitte den Stand wählen.") }
        let helped = errors.optional("helped", values["helped"], maxLength: 2000, multiline: true)
        let hindered = errors.optional("hindered", values["hindered"], maxLength: 2000, multiline: true)
        guard errors.isEmpty, let outcome else { return reportPage(req, project: project, values: values, errors: errors) }
        project.outcome = outcome
        project.helped = helped
        project.hindered = hindered
        try await project.save(on: req.db)
        return req.redirect(to: Notice.saved.appended(to: SiteURL.projects.path))
    }

    /// Another person's project is a page that does not exist.
    private func ownProject(_ req: Request) async throws -> PracticeProject {
        // The route's rule has made sure the project is the participant's own.
        guard let project = try await PracticeProject.find(try req.parameters.require(.project), on: req.db) else {
            throw AppError.notFound
        }
        return project
    }

    private struct MemberPart: Decodable { let id: UUID; let number: Int; let title: String; let endsOn: CalendarDay }

    private func memberParts(_ userID: UUID, on req: Request) async throws -> [MemberPart] {
        try await req.sql.raw(
            """
            SELECT p.id, p.number, p.title, p.ends_on FROM parts p JOIN edition_members m ON m.edition_id = p.edition_id
            WHERE m.user_id = \(bind: userID) ORDER BY p.starts_on
            """
        ).all(decoding: MemberPart.self, with: .snakeCaseColumns)
    }

    private func page(_ req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        let user = try req.requireUser()
        let parts = try await memberParts(user.id, on: req)
        let projects = try await PracticeProject.query(on: req.db).filter(\.$user.$id == user.id).with(\.$part).sort(\.$dueOn).all()
        let view = PracticeViews.own(
            projects: projects, fields: Self.fields(parts.map { ($0.id, "Teil \($0.number): \($0.title)") }),
            values: values, errors: errors, frame: req.frame("Meine Praxisprojekte", section: .myProgramme))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func reportPage(_ req: Request, project: PracticeProject, values: FormValues, errors: FieldErrors) -> Response {
        let view = PracticeViews.report(
            project: project, fields: Self.reportFields, values: values, errors: errors,
            frame: req.frame("Praxisprojekt berichten", section: .myProgramme))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    // MARK: - The lead

    private struct CohortRow: Decodable {
        let name: String; let partNumber: Int; let goal: String; let dueOn: String; let outcome: String?
    }

    func cohort(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let rows = try await req.sql.raw(
            """
            SELECT u.name, p.number AS part_number, pp.goal, pp.due_on, pp.outcome FROM practice_projects pp
            JOIN users u ON u.id = pp.user_id JOIN parts p ON p.id = pp.part_id
            WHERE p.edition_id = \(bind: try edition.requireID()) ORDER BY p.number, u.name
            """
        ).all(decoding: CohortRow.self, with: .snakeCaseColumns)
        let view = PracticeViews.cohort(
            editionID: try edition.requireID(), editionTitle: edition.title,
            rows: rows.map { ($0.name, $0.partNumber, $0.goal, $0.dueOn, $0.outcome) },
            frame: req.frame("Praxisprojekte", section: .admin))
        return .html(view)
    }
}
