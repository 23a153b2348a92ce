import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Feedback pooled per part and per facilitator. The lead and admin see every report; a
/// facilitator sees the parts they teach in and their own report, nobody else's (the routes'
/// rules in `FeedbackFeature` refuse the rest; these pages filter what a facilitator sees).
struct FeedbackReportController {
    func overview(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        async let surveyRows = FeedbackQueries.surveys(editionID: editionID, on: req.sql)
        async let teachingRows = FeedbackQueries.teaching(editionID: editionID, on: req.sql)
        let parts = try await Part.query(on: req.db).filter(\.$edition.$id == editionID).sort(\.$startsOn).all()
        let (surveys, teaching) = try await (surveyRows, teachingRows)
        let seesAll = user.role.canEditStructure
        let rule = req.disclosureRule
        let answers = try await FeedbackQueries.answers(
            surveys: surveys.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id),
            withTexts: false, cache: req.cohesion.reports, on: req.sql)
        let readable = Self.readable(surveys, by: user, teaching: teaching)
        let partLines = try parts.filter { part in seesAll || teaching.contains { $0.userID == user.id && $0.partID == part.id } }
            .map { part in
                let partID = try part.requireID()
                return FeedbackReportViews.Line(
                    id: partID, label: "Teil \(part.number): \(part.title)", detail: "",
                    pooled: FeedbackPooling.pool(readable.filter { $0.partID == partID }.map(\.pooling), answers: answers, rule: rule))
            }
        var people: [(id: UUID, name: String)] = []
        for row in teaching where !people.contains(where: { $0.id == row.userID }) && (seesAll || row.userID == user.id) {
            people.append((row.userID, row.name))
        }
        let personLines = people.map { person in
            let units = Set(teaching.filter { $0.userID == person.id }.map(\.unitID))
            return FeedbackReportViews.Line(
                id: person.id, label: person.name, detail: units.count == 1 ? "1 Einheit" : "\(units.count) Einheiten",
                pooled: FeedbackPooling.pool(surveys.filter { $0.unitID.map(units.contains) == true }.map(\.pooling), answers: answers, rule: rule))
        }
        return .html(
            FeedbackReportViews.overview(
                editionID: editionID, editionTitle: edition.title, parts: partLines, people: personLines,
                rule: rule, frame: req.frame("Feedback: " + edition.title, section: .admin)))
    }

    func part(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let part = try await Part.query(on: req.db).filter(\.$id == req.parameters.require(.part).rawValue).with(\.$edition).first() else {
            throw AppError.notFound
        }
        let partID = try part.requireID()
        let editionID = try part.edition.requireID()
        async let surveyRows = FeedbackQueries.surveys(editionID: editionID, on: req.sql)
        let teaching = try await FeedbackQueries.teaching(editionID: editionID, on: req.sql)
        let surveys = Self.readable(try await surveyRows.filter { $0.partID == partID }, by: user, teaching: teaching)
        return try await report(
            req, surveys: surveys, heading: "Feedback zu Teil \(part.number): \(part.title)",
            scope: user.role.canEditStructure
                ? "Alle Feedbackbögen des Teils, zum ganzen Teil und zu einzelnen Einheiten."
                : "Die Feedbackbögen zum ganzen Teil und zu Ihren eigenen Einheiten.",
            editionID: editionID, editionTitle: part.edition.title)
    }

    func facilitator(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let editionID = try edition.requireID()
        let personID = try req.parameters.require(.person).rawValue
        let teaching = try await FeedbackQueries.teaching(editionID: editionID, on: req.sql).filter { $0.userID == personID }
        guard let name = teaching.first?.name else { throw AppError.notFound }
        let units = Set(teaching.map(\.unitID))
        let surveys = try await FeedbackQueries.surveys(editionID: editionID, on: req.sql).filter { $0.unitID.map(units.contains) == true }
        return try await report(
            req, surveys: surveys, heading: "Feedback zu den Einheiten von " + name,
            scope: "Die Feedbackbögen zu den \(units.count == 1 ? "einer Einheit" : "\(units.count) Einheiten"), die \(name) in diesem Durchlauf gibt. "
                + "Bögen zu einem ganzen Teil gehören zu niemandem allein und stehen im Bericht des Teils.",
            editionID: editionID, editionTitle: edition.title)
    }

    private func report(
        _ req: Request, surveys: [FeedbackQueries.SurveyLine], heading: String, scope: String,
        editionID: UUID, editionTitle: String
    ) async throws -> Response {
        let rule = req.disclosureRule
        let answers = try await FeedbackQueries.answers(
            surveys: surveys.filter { rule.mayShow(groupOf: $0.responses) }.map(\.id),
            withTexts: true, cache: req.cohesion.reports, on: req.sql)
        let pooled = FeedbackPooling.pool(surveys.map(\.pooling), answers: answers, rule: rule)
        var means: [UUID: Double] = [:]
        for survey in surveys where pooled.included.contains(survey.id) {
            means[survey.id] = FeedbackPooling.pool([survey.pooling], answers: answers, rule: rule).overall.mean
        }
        return .html(
            FeedbackReportViews.pooled(
                heading: heading, scope: scope, editionID: editionID, editionTitle: editionTitle,
                surveys: surveys, pooled: pooled, means: means, rule: rule,
                frame: req.frame(heading, section: .admin)))
    }

    /// The surveys whose report the user may read on its own: all for the lead and admin; for a
    /// facilitator those about a whole part and about their own units. Pooling a colleague's
    /// surveys into what a facilitator sees would let them subtract back to the colleague's figures.
    private static func readable(
        _ surveys: [FeedbackQueries.SurveyLine], by user: CurrentUser,
        teaching: [FeedbackQueries.Teaching]
    ) -> [FeedbackQueries.SurveyLine] {
        guard !user.role.canEditStructure else { return surveys }
        let own = Set(teaching.filter { $0.userID == user.id }.map(\.unitID))
        return surveys.filter { $0.unitID.map(own.contains) ?? true }
    }

}
