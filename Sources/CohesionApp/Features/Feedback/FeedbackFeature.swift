import CohesionCore
import CohesionPlatform
import Vapor

/// Feedback surveys per unit or part, answered by those who attended; reports per survey, part
/// and facilitator.
enum FeedbackFeature: Feature {
    static let personalPageTables: [PersonalPageTable] = [.shared("surveys"), .own("survey_participations")]
    static let reportTables = ["surveys", "survey_questions", "survey_answers", "survey_responses", "survey_participations"]

    static func links(on page: SharedPage, for user: CurrentUser) -> [PageLink] {
        switch page {
        case .edition(let id): [PageLink(order: 50, label: "Feedback", path: SiteURL.feedbackOverview(.value(id)).path)]
        case .part(let id): [PageLink(order: 30, label: "Feedback", path: AdminURL.surveys(.value(id)).path)]
        default: []
        }
    }

    /// Also the API's rule for survey results.
    static let surveyReaders = AccessRule.leadOr([.facilitator], "Programmleitung; Referent*innen der Einheit oder des Teils") { req, user in
        guard let info = try await SurveyAccess.info(req.parameters.require(.survey).rawValue, on: req.sql) else { throw AppError.notFound }
        return try await SurveyAccess.mayReadReport(user, survey: info, on: req.sql)
    }

    static func register(on routes: any RoutesBuilder, app: Application) throws {
        let surveys = SurveyController()
        let askedParticipant = AccessRule.roles([.participant], "Teilnehmer*innen, die teilgenommen und noch nicht geantwortet haben") { req, user in
            let surveyID = try req.parameters.require(.survey).rawValue
            guard try await SurveyAccess.info(surveyID, on: req.sql) != nil else { throw AppError.notFound }
            return try await SurveyAccess.mayAnswer(user.id, survey: surveyID, today: BerlinTime.day(of: req.now), on: req.sql)
        }
        routes.get(SiteURL.survey(.key), askedParticipant, use: surveys.show)
        routes.post(SiteURL.survey(.key), askedParticipant, use: surveys.submit)

        let partTeachers = AccessRule.leadOr([.facilitator], "Programmleitung; Referent*innen, die im Teil lehren") { req, user in
            try await Involvement.teaches(user.id, inPart: req.parameters.require(.part).rawValue, on: req.sql)
        }
        let themselves = AccessRule.leadOr([.facilitator], "Programmleitung; jede*r Referent*in nur den eigenen Bericht") { req, user in
            try req.parameters.require(.person).rawValue == user.id
        }
        let reports = FeedbackReportController()
        routes.get(SiteURL.surveyReport(.key), surveyReaders, use: surveys.report)
        routes.get(SiteURL.feedbackOverview(.key), .editionTeachers, use: reports.overview)
        routes.get(SiteURL.partFeedback(.key), partTeachers, use: reports.part)
        routes.get(SiteURL.facilitatorFeedback(.key, .key), themselves, use: reports.facilitator)

        let admin = SurveyAdminController()
        routes.get(AdminURL.surveys(.key), .leadArea, use: admin.list)
        routes.post(AdminURL.surveys(.key), .leadArea, use: admin.create)
        routes.get(AdminURL.survey(.key), .leadArea, use: admin.questions)
        routes.post(AdminURL.surveyQuestions(.key), .leadArea, use: admin.addQuestion)
        routes.post(AdminURL.surveyInvite(.key), .leadArea, use: admin.invite)
    }

    static func myProgrammeSections(for user: CurrentUser, request req: Request) async throws -> [MyProgrammeSection] {
        guard user.role == .participant else { return [] }
        let open = try await SurveyAccess.openFor(user.id, today: BerlinTime.day(of: req.now), on: req.sql)
        guard !open.isEmpty else { return [] }
        return [MyProgrammeSection(position: .requests, content: SurveyViews.openRequests(open))]
    }

    static let personalData: [PersonalData] = [
        PersonalData(
            table: "survey_participations", data: "dass eine Person an einer Befragung teilgenommen hat (ohne ihre Antworten)",
            purpose: "jede*r antwortet nur einmal", kept: PersonalData.untilErased,
            links: [.counted]),
        PersonalData(
            table: "survey_responses", data: "bei nicht anonymen Befragungen: wer geantwortet hat; bei anonymen nichts",
            purpose: "Auswertung der Rückmeldungen", kept: PersonalData.untilErased,
            links: [.account("respondent_id", .detach)]),
    ]
}
