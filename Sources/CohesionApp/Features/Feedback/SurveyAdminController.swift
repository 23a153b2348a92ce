import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead builds surveys for a part or one of its units, adds questions and invites by mail.
struct SurveyAdminController {
    private struct ListRow: Decodable {
        let id: UUID; let title: String; let anonymous: Bool; let opensOn: String; let closesOn: String
        let unitTitle: String?; let responses: Int
    }

    func list(req: Request) async throws -> Response {
        try await listPage(req, values: FormValues(["anonymous": "ja"]), errors: FieldErrors())
    }

    func create(req: Request) async throws -> Response {
        let partID = try req.parameters.require(.part).rawValue
        guard let part = try await Part.find(partID, on: req.db) else { throw AppError.notFound }
        let values = req.formValues()
        var errors = FieldErrors()
        let title = errors.require("title", values["title"], "einen Titel")
        let units = try await Unit.query(on: req.db).filter(\.$part.$id == partID).all()
        let unitID = values["target"].isEmpty ? nil : UUID(uuidString: values["target"])
        if !values["target"].isEmpty && !units.contains(where: { $0.id == unitID }) { errors.add("target", "Bitte eine Einheit dieses Teils wählen.") }
        let opens = CalendarDay(typed: values["opensOn"])
        let closes = CalendarDay(typed: values["closesOn"])
        if opens == nil { errors.add("opensOn", "Bitte ein Datum angeben (TT.MM.JJJJ).") }
        if closes == nil { errors.add("closesOn", "Bitte ein Datum angeben (TT.MM.JJJJ).") }
        if let opens, let closes, closes < opens { errors.add("closesOn", "Das Ende darf nicht vor dem Beginn liegen.") }
        guard errors.isEmpty, let opens, let closes else { return try await listPage(req, values: values, errors: errors) }
        let survey = Survey()
        survey.$part.id = try part.requireID()
        survey.$unit.id = unitID
        survey.title = title
        survey.anonymous = values.all("anonymous").contains("ja")
        survey.opensOn = opens.iso
        survey.closesOn = closes.iso
        try await survey.create(on: req.db)
        return req.redirect(to: Notice.created.appended(to: AdminURL.survey(.value(try survey.requireID())).path))
    }

    func questions(req: Request) async throws -> Response {
        try await questionPage(req, values: FormValues(), errors: FieldErrors())
    }

    func addQuestion(req: Request) async throws -> Response {
        let surveyID = try req.parameters.require(.survey).rawValue
        guard try await Survey.find(surveyID, on: req.db) != nil else { throw AppError.notFound }
        let values = req.formValues()
        var errors = FieldErrors()
        let text = errors.require("text", values["text"], "die Frage", maxLength: 500)
        let kind = QuestionKind(rawValue: values["kind"])
        if kind == nil { errors.add("kind", "Bitte eine Art wählen.") }
        let options = values["options"].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if (kind == .single || kind == .multiple) && options.count < 2 { errors.add("options", "Bitte mindestens zwei Antworten angeben, je Zeile eine.") }
        guard errors.isEmpty, let kind else { return try await questionPage(req, values: values, errors: errors) }
        let question = SurveyQuestion()
        question.$survey.id = surveyID
        question.position = try await SurveyQuestion.query(on: req.db).filter(\.$survey.$id == surveyID).count() + 1
        question.kind = kind
        question.text = text
        question.options = (kind == .single || kind == .multiple) ? options.joined(separator: "\n") : ""
        try await question.create(on: req.db)
        return req.redirect(to: Notice.created.appended(to: AdminURL.survey(.value(surveyID)).path))
    }

    /// Mails everyone who attended and has not answered, through the outbox.
    func invite(req: Request) async throws -> Response {
        guard let info = try await SurveyAccess.info(try req.parameters.require(.survey).rawValue, on: req.sql) else { throw AppError.notFound }
        let recipients = try await SurveyAccess.pendingRecipients(info.id, on: req.sql)
        let link = req.cohesion.config.absoluteURL(SiteURL.survey(.value(info.id)).path)
        try await req.db.transaction { db in
            for recipient in recipients {
                try await Mailer.enqueue(
                    to: recipient.email, subject: "Ihre Rückmeldung: \(info.title)",
                    body: MailTexts.survey(
                        name: recipient.name, title: info.title, target: info.target, link: link,
                        anonymous: info.anonymous, closes: CalendarDay(iso: info.closesOn)?.german ?? info.closesOn),
                    on: db)
            }
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.invited.appended(to: AdminURL.survey(.value(info.id)).path))
    }

    private func listPage(_ req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        let partID = try req.parameters.require(.part).rawValue
        guard let part = try await Part.find(partID, on: req.db) else { throw AppError.notFound }
        let rows = try await req.sql.raw(
            """
            SELECT s.id, s.title, s.anonymous, s.opens_on, s.closes_on, u.title AS unit_title,
                   (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses
            FROM surveys s LEFT JOIN units u ON u.id = s.unit_id WHERE s.part_id = \(bind: partID) ORDER BY s.opens_on, s.title
            """
        ).all(decoding: ListRow.self, with: .snakeCaseColumns)
        let units = try await Unit.query(on: req.db).filter(\.$part.$id == partID).sort(\.$startsAt).all()
        let view = SurveyViews.list(
            partID: partID, partLabel: "Teil \(part.number): \(part.title)",
            surveys: rows.map { ($0.id, $0.title, $0.unitTitle, $0.anonymous, $0.opensOn, $0.closesOn, $0.responses) },
            units: units.compactMap { unit in unit.id.map { ($0, unit.title) } }, values: values, errors: errors,
            frame: req.frame("Feedback", section: .admin))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    private func questionPage(_ req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        guard let info = try await SurveyAccess.info(try req.parameters.require(.survey).rawValue, on: req.sql) else { throw AppError.notFound }
        let questions = try await SurveyController.questions(info.id, on: req.db)
        // Counted over every attendance record of the part (18,000 in an edition of 5,000): kept.
        let pending = try await req.cohesion.reports.value("survey-pending:\(info.id)", on: req.sql) {
            try await SurveyAccess.pendingCount(info.id, on: req.sql)
        }
        let view = SurveyViews.editor(
            info, questions: questions, pending: pending, values: values, errors: errors,
            frame: req.frame("Feedbackbogen", section: .admin))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}

extension MailTexts {
    static func survey(name: String, title: String, target: String, link: String, anonymous: Bool, closes: String) -> String {
        """
        Guten Tag \(name),

        wie war \(target)? Ihre Rückmeldung hilft, das Programm zu verbessern. Der Feedbackbogen „\(title)“ ist bis \(closes) geöffnet\(anonymous ? "; Ihre Antworten sind anonym" : ""):

        \(link)

        Ihr Team des Fortbildungsprogramms für Integrationsbeauftragte
        """
    }
}
