import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Participants assess themselves in the phases the lead opens; the lead opens, closes and adds phases.
struct AssessmentController {
    func overview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let phases = try await AssessmentQueries.phases(memberID: user.id, withRespondents: false, on: req.sql)
        let editions = Dictionary(phases.map { ($0.editionID, $0.editionTitle) }, uniquingKeysWith: { a, _ in a })
        var history: [(editionID: UUID, edition: String, history: AssessmentHistory)] = []
        var recommendations: [RecommendationQuery.Item] = []
        for (id, title) in editions.sorted(by: { $0.value < $1.value }) {
            let course = try await AssessmentHistory.query(userID: user.id, editionID: id, on: req.sql)
            history.append((id, title, course))
            recommendations += try await RecommendationQuery.items(history: course, editionID: id, on: req.sql)
        }
        return .html(
            AssessmentViews.overview(
                open: phases.filter(\.isOpen), history: history, recommendations: recommendations,
                frame: req.frame("Meine Selbsteinschätzung", section: .myProgramme)))
    }

    func form(req: Request) async throws -> Response {
        let (user, phase) = try await openPhase(req)
        let areas = try await AssessmentQueries.areas(editionID: phase.editionID, on: req.sql)
        let stored = try await SelfAssessment.query(on: req.db).filter(\.$phase.$id == phase.id).filter(\.$user.$id == user.id).all()
        var values = FormValues()
        for rating in stored {
            let key = rating.$competenceArea.id.uuidString
            values[key + "-level"] = "\(rating.level)"
            values[key + "-need"] = "\(rating.need)"
            values[key + "-retro"] = rating.retrospectiveLevel.map(String.init) ?? ""
            values[key + "-note"] = rating.note
        }
        return .html(
            AssessmentViews.form(
                phase: phase, areas: areas, values: values, errors: FieldErrors(),
                frame: req.frame("Selbsteinschätzung", section: .myProgramme)))
    }

    func save(req: Request) async throws -> Response {
        let (user, phase) = try await openPhase(req)
        let areas = try await AssessmentQueries.areas(editionID: phase.editionID, on: req.sql)
        let values = req.formValues()
        var errors = FieldErrors()
        var ratings: [(UUID, Rating)] = []
        for area in areas {
            let key = area.id.uuidString
            let input = RatingInput(
                level: values[key + "-level"], need: values[key + "-need"],
                retrospective: values[key + "-retro"], note: values[key + "-note"])
            switch input.check(field: key, asksRetrospective: phase.asksRetrospective) {
            case .valid(let rating): ratings.append((area.id, rating))
            case .invalid(let areaErrors): for (field, message) in areaErrors.messages { errors.add(field, message) }
            }
        }
        guard errors.isEmpty else {
            let view = AssessmentViews.form(
                phase: phase, areas: areas, values: values, errors: errors,
                frame: req.frame("Selbsteinschätzung", section: .myProgramme))
            return .html(view, status: .unprocessableEntity)
        }
        let checked = ratings
        try await req.db.transaction { db in
            for (areaID, rating) in checked {
                let record =
                    try await SelfAssessment.query(on: db).filter(\.$phase.$id == phase.id).filter(\.$user.$id == user.id)
                    .filter(\.$competenceArea.$id == areaID).first() ?? SelfAssessment()
                record.$phase.id = phase.id
                record.$user.id = user.id
                record.$competenceArea.id = areaID
                record.level = rating.level
                record.need = rating.need
                record.retrospectiveLevel = rating.retrospective
                record.note = rating.note
                try await record.save(on: db)
            }
        }
        return req.redirect(to: Notice.saved.appended(to: SiteURL.assessments.path))
    }

    /// The phase must exist (404), belong to the participant's edition (403) and be open (403).
    private func openPhase(_ req: Request) async throws -> (CurrentUser, PhaseSummary) {
        let user = try req.requireUser()
        let phaseID = try req.parameters.require(.phase).rawValue
        guard let phase = try await AssessmentPhase.find(phaseID, on: req.db) else { throw AppError.notFound }
        guard let summary = try await AssessmentQueries.phases(memberID: user.id, withRespondents: false, on: req.sql).first(where: { $0.id == phaseID }),
            phase.isOpen
        else { throw AppError.forbidden() }
        return (user, summary)
    }

    // MARK: - The lead

    func admin(req: Request) async throws -> Response {
        try await adminPage(req, editionID: try req.parameters.require(.edition).rawValue, error: nil)
    }

    func addPhase(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        let values = req.formValues()
        guard let kind = AssessmentPhaseKind(code: values["code"]) else {
            return try await adminPage(req, editionID: editionID, error: "Bitte einen Zeitpunkt aus der Liste wählen.", status: .unprocessableEntity)
        }
        if try await AssessmentPhase.query(on: req.db).filter(\.$edition.$id == editionID).filter(\.$code == kind.code).count() > 0 {
            return try await adminPage(
                req, editionID: editionID, error: "„\(kind.label)“ gibt es in diesem Durchlauf schon.",
                status: .unprocessableEntity)
        }
        let phase = AssessmentPhase()
        phase.$edition.id = editionID
        phase.code = kind.code
        phase.isOpen = true
        phase.asksRetrospective = values.all("retrospective").contains("ja")
        try await phase.create(on: req.db)
        return req.redirect(to: Notice.created.appended(to: AdminURL.phases(.value(editionID)).path))
    }

    func toggle(req: Request) async throws -> Response {
        guard let phase = try await AssessmentPhase.find(try req.parameters.require(.phase), on: req.db) else { throw AppError.notFound }
        phase.isOpen.toggle()
        try await phase.save(on: req.db)
        return req.redirect(to: Notice.saved.appended(to: AdminURL.phases(.value(phase.$edition.id)).path))
    }

    private func adminPage(_ req: Request, editionID: UUID, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        guard let edition = try await Edition.find(editionID, on: req.db) else { throw AppError.notFound }
        // The respondents are counted over every rating of the edition (18 ms for 5,000 on PostgreSQL): kept as for the reports.
        let phases = try await AssessmentQueries.phases(editionID: editionID, cache: req.cohesion.reports, on: req.sql)
        let numbers = try await Part.query(on: req.db).filter(\.$edition.$id == editionID).sort(\.$number).all().map(\.number)
        let existing = Set(phases.map(\.code))
        let all: [AssessmentPhaseKind] = [.pre] + numbers.map { AssessmentPhaseKind.afterPart($0) } + [.post]
        let kinds = all.filter { !existing.contains($0.code) }
        let view = AssessmentViews.admin(
            editionID: editionID, editionTitle: edition.title, phases: phases, kinds: kinds, error: error,
            frame: req.frame("Selbsteinschätzung", section: .admin))
        return .html(view, status: status)
    }
}
