import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

struct PrivacyController {
    func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let export = try await PersonalDataExport.collect(
            for: user.id, at: req.now, declarations: req.features.personalData, schema: req.cohesion.schema, on: req.db)
        return .html(PrivacyViews.page(export, frame: req.frame("Meine Daten")))
    }

    /// The same as a JSON file (Art. 20: in a structured, machine-readable format).
    func download(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let export = try await PersonalDataExport.collect(
            for: user.id, at: req.now, declarations: req.features.personalData, schema: req.cohesion.schema, on: req.db)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let response = Response(status: .ok, body: .init(data: try encoder.encode(export)))
        response.headers.contentType = .json
        let day = BerlinTime.day(of: req.now).iso
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"cohesion-meine-daten-\(day).json\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func retention(req: Request) async throws -> Response {
        let months = try await Retention.months(on: req.db)
        return try await renderRetention(req: req, values: FormValues(["months": months.map(String.init) ?? ""]), errors: FieldErrors())
    }

    func saveRetention(req: Request) async throws -> Response {
        let values = req.formValues()
        var errors = FieldErrors()
        let typed = values["months"].trimmingCharacters(in: .whitespaces)
        let months = Int(typed)
        if !typed.isEmpty, months.map({ !Retention.allowedMonths.contains($0) }) ?? true {
            errors.add(
                "months",
                "Bitte eine ganze Zahl von \(Retention.allowedMonths.lowerBound) bis \(Retention.allowedMonths.upperBound) angeben, oder das Feld leer lassen.")
        }
        guard errors.isEmpty else { return try await renderRetention(req: req, values: values, errors: errors) }
        try await Audit.recording(.setting, "Aufbewahrungsfrist " + (months.map { "auf \($0) Monate gesetzt" } ?? "aufgehoben"), by: req) { db in
            try await Retention.setMonths(months, on: db)
        }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.retention.path))
    }

    private func renderRetention(req: Request, values: FormValues, errors: FieldErrors) async throws -> Response {
        let today = BerlinTime.day(of: req.now)
        let saved = try await Retention.months(on: req.db)
        var due: [Retention.Due] = []
        if let saved { due = try await Retention.due(months: saved, today: today, on: req.db) }
        let view = PrivacyViews.retention(
            months: saved, due: due, cutoff: saved.map { Retention.cutoff(months: $0, today: today) },
            values: values, errors: errors, frame: req.frame("Aufbewahrung", section: .admin))
        return .html(view, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
