import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead sets what completing an edition means, sees who has completed and who is missing
/// what, and grants exceptions with a reason.
struct CompletionController {
    func show(req: Request) async throws -> Response {
        try await render(req, editionID: try req.parameters.require(.edition).rawValue, ruleValues: nil, ruleErrors: FieldErrors(), rowError: nil)
    }

    func saveRule(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        let values = req.formValues()
        let overview = try await overview(req, editionID: editionID)
        var errors = FieldErrors()
        let partIDs = Set(overview.parts.map(\.id))
        let required = values.all("requiredParts").compactMap(UUID.init(uuidString:)).filter(partIDs.contains)
        if required.isEmpty { errors.add("requiredParts", "Bitte mindestens einen Teil wählen.") }
        let percent = Int(values["minimumAttendancePercent"].trimmingCharacters(in: .whitespaces)).flatMap { (0...100).contains($0) ? $0 : nil }
        if percent == nil { errors.add("minimumAttendancePercent", "Bitte eine ganze Zahl von 0 bis 100 angeben.") }
        guard errors.isEmpty, let percent else { return try await render(req, editionID: editionID, ruleValues: values, ruleErrors: errors, rowError: nil) }
        let options = Set(values.all("options"))
        let record = try await CompletionRuleRecord.query(on: req.db).filter(\.$edition.$id == editionID).first() ?? CompletionRuleRecord()
        record.$edition.id = editionID
        record.requiredPartIDs = String(decoding: try JSONEncoder().encode(overview.parts.map(\.id).filter(required.contains)), as: UTF8.self)
        record.minimumAttendancePercent = percent
        record.excusedCounts = options.contains("excusedCounts")
        record.requiresSelfAssessments = options.contains("selfAssessments")
        record.requiresProjectReport = options.contains("projectReport")
        try await Audit.recording(.completion, "Abschlussregel für „\(overview.editionTitle)“ geändert", objectID: editionID, by: req) { db in
            try await record.save(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.completion(.value(editionID)).path))
    }

    func grantException(req: Request) async throws -> Response {
        let editionID = try req.parameters.require(.edition).rawValue
        let lead = try req.requireUser()
        let values = req.formValues()
        var errors = FieldErrors()
        let reason = errors.require("reason", values["reason"], "den Grund für die Ausnahme", maxLength: 500)
        guard let userID = UUID(uuidString: values["userID"]),
            try await Involvement.isMember(userID, ofEdition: editionID, on: req.sql)
        else { throw AppError.notFound }
        guard errors.isEmpty else {
            return try await render(
                req, editionID: editionID, ruleValues: nil, ruleErrors: FieldErrors(),
                rowError: .init(form: .exception, userID: userID, message: errors["reason"] ?? "", typed: values["reason"]))
        }
        let exception =
            try await CompletionException.query(on: req.db).filter(\.$edition.$id == editionID).filter(\.$user.$id == userID).first()
            ?? CompletionException()
        exception.$edition.id = editionID
        exception.$user.id = userID
        exception.reason = reason
        exception.grantedAt = req.now
        exception.$grantedBy.id = lead.id
        try await Audit.recording(.completion, "Ausnahme für \(try await Audit.name(of: userID, on: req.db)) gewährt", objectID: editionID, by: req) { db in
            try await exception.save(on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.completion(.value(editionID)).path))
    }

    func removeException(req: Request) async throws -> Response {
        guard let exception = try await CompletionException.find(try req.parameters.require(.exception), on: req.db) else { throw AppError.notFound }
        let editionID = exception.$edition.id
        try await Audit.recording(
            .completion, "Ausnahme für \(try await Audit.name(of: exception.$user.id, on: req.db)) zurückgenommen",
            objectID: editionID, by: req
        ) { db in
            try await exception.delete(on: db)
        }
        return req.redirect(to: Notice.deleted.appended(to: AdminURL.completion(.value(editionID)).path))
    }

    private func overview(_ req: Request, editionID: UUID) async throws -> CompletionOverview {
        guard let edition = try await Edition.find(editionID, on: req.db) else { throw AppError.notFound }
        return try await CompletionOverview.query(editionID: editionID, editionTitle: edition.title, cache: req.cohesion.reports, on: req.sql)
    }

    /// The completion page; a refused form of a row (an exception, a revocation) is shown at that row.
    func render(
        _ req: Request, editionID: UUID, ruleValues: FormValues?, ruleErrors: FieldErrors,
        rowError: CompletionViews.RowError?
    ) async throws -> Response {
        let overview = try await overview(req, editionID: editionID)
        var list = ListPage(query: (try? req.query.decode([String: String].self)) ?? [:])
        let found = overview.members(matching: list.search)
        // A refused form is shown on the page of its row; beyond the last page, the last page.
        if let rowError, let index = found.firstIndex(where: { $0.userID == rowError.userID }) { list.number = index / ListPage.size + 1 }
        list.number = min(list.number, PageLinks.count(found.count, size: ListPage.size))
        let shown = Array(found.dropFirst(list.offset).prefix(ListPage.size))
        let certificates = try await Certificate.query(on: req.db).filter(\.$edition.$id == overview.editionID)
            .filter(\.$user.$id ~~ shown.map(\.userID)).all()
        var infos: [UUID: CompletionViews.CertificateInfo] = [:]
        for certificate in certificates {
            infos[certificate.$user.id] = .init(id: try certificate.requireID(), code: certificate.code, revoked: certificate.revokedAt != nil)
        }
        let flash = try await SessionFlash.take(CompletionViews.Flash.self, on: req)
        let view = CompletionViews.page(
            overview, shown: shown, found: found.count, list: list, certificates: infos, flash: flash,
            ruleValues: ruleValues ?? CompletionViews.values(of: overview.rule), ruleErrors: ruleErrors,
            rowError: rowError, frame: req.frame("Abschluss: \(overview.editionTitle)", section: .admin))
        return .html(view, status: ruleErrors.isEmpty && rowError == nil ? .ok : .unprocessableEntity)
    }
}
