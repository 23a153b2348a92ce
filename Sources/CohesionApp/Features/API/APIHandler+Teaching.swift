import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit
import Vapor

/// What the lead and facilitators do for their units: attendance, and survey results as anonymous aggregates.
extension APIHandler {
    func getUnitAttendance(_ input: Operations.GetUnitAttendance.Input) async throws -> Operations.GetUnitAttendance.Output {
        let req = try request
        guard let sheet = try await AttendanceSheet.query(unitID: try id(input.path.unit), cache: req.cohesion.reports, on: req.sql) else {
            throw AppError.notFound
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        unitID: sheet.unitID.uuidString, title: sheet.title, startsAt: sheet.startsAt, endsAt: sheet.endsAt, partID: sheet.partID.uuidString,
                        rows: sheet.rows.map {
                            .init(userID: $0.userID.uuidString, name: $0.name, municipality: $0.municipality, status: $0.status.map { .init($0) })
                        }))))
    }

    /// Only for someone registered for the unit's part, as on the sheet.
    func putAttendance(_ input: Operations.PutAttendance.Input) async throws -> Operations.PutAttendance.Output {
        let req = try request
        let unitID = try id(input.path.unit)
        let userID = try id(input.path.person)
        guard let unit = try await AttendanceSheet.unit(unitID, on: req.sql) else { throw AppError.notFound }
        guard try await AttendanceSheet.registered([userID], forPartOf: unit, on: req.sql) == [userID] else {
            throw AppError(.unprocessableEntity, "Diese Person ist für den Teil der Einheit nicht angemeldet.", fieldErrors: ["userID": "nicht angemeldet"])
        }
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        let recorder = try caller().user.id
        try await Audit.recording(
            .attendance, "Anwesenheit von \(try await Audit.name(of: userID, on: req.db)) für die Einheit „\(unit.title)“ über die API",
            objectID: unitID, by: req
        ) { db in
            let record = try await Attendance.query(on: db).filter(\.$unit.$id == unitID).filter(\.$user.$id == userID).first() ?? Attendance()
            record.$unit.id = unitID
            record.$user.id = userID
            record.status = body.status.domain
            record.recordedBy = recorder
            try await record.save(on: db)
        }
        return .noContent(.init())
    }

    /// Answers only once as many have answered as the disclosure rule asks; free texts sorted, so order tells nothing.
    func getSurveyResults(_ input: Operations.GetSurveyResults.Input) async throws -> Operations.GetSurveyResults.Output {
        let req = try request
        guard let info = try await SurveyAccess.info(try id(input.path.survey), on: req.sql) else { throw AppError.notFound }
        let set = try await FeedbackQueries.answerSet(surveyID: info.id, cache: req.cohesion.reports, on: req.sql)
        let responses = set.responses
        let rule = req.disclosureRule
        var questions: [Components.Schemas.QuestionResult] = []
        if rule.mayShow(groupOf: responses) {
            for question in try await SurveyController.questions(info.id, on: req.db) {
                let values = (set.values[question.id] ?? []).filter { !$0.isEmpty }
                var counts: [String: Int] = [:]
                if question.kind != .text {
                    for value in values { for choice in value.split(separator: ",") { counts[String(choice), default: 0] += 1 } }
                }
                let scale = question.kind == .scale ? values.compactMap(Int.init) : []
                questions.append(
                    .init(
                        id: question.id.uuidString, kind: question.kind.rawValue, text: question.text, answers: values.count,
                        counts: .init(additionalProperties: counts),
                        mean: scale.isEmpty ? nil : Double(scale.reduce(0, +)) / Double(scale.count),
                        texts: question.kind == .text ? values.sorted() : nil))
            }
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: info.id.uuidString, title: info.title, responses: responses, shown: rule.mayShow(groupOf: responses),
                        minimumGroup: rule.minimumGroupSize, questions: questions))))
    }
}
