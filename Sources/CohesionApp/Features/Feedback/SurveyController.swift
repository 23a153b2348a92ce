import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Participants who attended answer a survey once; anonymous answers cannot be traced back.
struct SurveyController {
    func show(req: Request) async throws -> Response {
        let (info, questions) = try await answerable(req)
        return .html(
            SurveyViews.form(
                info, questions: questions, values: FormValues(), errors: FieldErrors(),
                frame: req.frame("Feedback", section: .myProgramme)))
    }

    func submit(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (info, questions) = try await answerable(req)
        let values = req.formValues()
        let answers = Dictionary(uniqueKeysWithValues: questions.map { ($0.id, values.all("q-" + $0.id.uuidString)) })
        switch SurveyRules.check(questions, answers: answers) {
        case .invalid(let errors):
            return .html(
                SurveyViews.form(
                    info, questions: questions, values: values, errors: errors,
                    frame: req.frame("Feedback", section: .myProgramme)), status: .unprocessableEntity)
        case .valid(let stored):
            try await req.db.transaction { db in
                let participation = SurveyParticipation()
                participation.$survey.id = info.id
                participation.$user.id = user.id
                try await participation.create(on: db)
                let response = SurveyResponse()
                response.$survey.id = info.id
                response.respondentID = info.anonymous ? nil : user.id
                try await response.create(on: db)
                for (questionID, value) in stored {
                    let answer = SurveyAnswer()
                    answer.$response.id = try response.requireID()
                    answer.$question.id = questionID
                    answer.value = value.joined(separator: ",")
                    try await answer.create(on: db)
                }
            }
            return req.redirect(to: Notice.thanks.appended(to: SiteURL.myProgramme.path))
        }
    }

    /// The route's rule has made sure the survey is open, attended and not yet answered.
    private func answerable(_ req: Request) async throws -> (SurveyAccess.Info, [SurveyQuestionSpec]) {
        let surveyID = try req.parameters.require(.survey).rawValue
        guard let info = try await SurveyAccess.info(surveyID, on: req.sql) else { throw AppError.notFound }
        return (info, try await Self.questions(surveyID, on: req.db))
    }

    static func questions(_ surveyID: UUID, on db: any Database) async throws -> [SurveyQuestionSpec] {
        try await SurveyQuestion.query(on: db).filter(\.$survey.$id == surveyID).sort(\.$position).all().compactMap { question in
            guard let id = question.id else { return nil }
            let kind = question.kind
            return SurveyQuestionSpec(
                id: id, kind: kind, text: question.text,
                options: question.options.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        }
    }

    // MARK: - Report

    func report(req: Request) async throws -> Response {
        guard let info = try await SurveyAccess.info(try req.parameters.require(.survey).rawValue, on: req.sql) else { throw AppError.notFound }
        let questions = try await Self.questions(info.id, on: req.db)
        let shown = try await FeedbackQueries.shownAnswers(surveyID: info.id, questions: questions, cache: req.cohesion.reports, on: req.sql)
        let count = shown.responses
        let rule = req.disclosureRule
        let answers = rule.mayShow(groupOf: count) ? shown.values : [:]
        return .html(
            SurveyViews.report(
                info, questions: questions, responses: count, answers: answers, rule: rule,
                frame: req.frame("Auswertung: " + info.title, section: .admin)))
    }
}
