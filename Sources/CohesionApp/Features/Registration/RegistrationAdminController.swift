import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The lead manages a part's registrations: sees seats and needs, registers or cancels on someone's behalf.
struct RegistrationAdminController {
    func overview(req: Request) async throws -> Response {
        try await page(req, partID: try req.parameters.require(.part).rawValue, values: FormValues(), errors: FieldErrors())
    }

    func registerOnBehalf(req: Request) async throws -> Response {
        let partID = try req.parameters.require(.part).rawValue
        let values = req.formValues()
        var errors = FieldErrors()
        let userID = UUID(uuidString: values["userID"])
        if userID == nil { errors.add("userID", "Bitte eine Teilnehmer*in wählen.") }
        if let userID, try await !Involvement.isMember(userID, ofEditionOfPart: partID, on: req.sql) {
            errors.add("userID", "Diese Person gehört nicht zum Durchlauf dieses Teils.")
        }
        let reason = try await lateChangeReason(req, partID: partID, values: values, errors: &errors)
        switch RegistrationForm.check(values) {
        case .invalid(let answerErrors):
            for field in RegistrationForm.fields.map(\.name) { if let message = answerErrors[field] { errors.add(field, message) } }
        case .valid(let answers):
            if errors.isEmpty, let userID {
                _ = try await Registrations.register(
                    userID: userID, partID: partID, answers: answers, lateChangeReason: reason,
                    on: req.db
                ) { db in
                    try await Audit.record(
                        .registration,
                        "Anmeldung von \(try await Audit.name(of: userID, on: db)) für "
                            + (try await Audit.part(partID, on: db)) + " durch die Programmleitung", objectID: partID, by: req, on: db)
                }
                return req.redirect(to: Notice.saved.appended(to: AdminURL.registrations(.value(partID)).path))
            }
        }
        return try await page(req, partID: partID, values: values, errors: errors)
    }

    func cancel(req: Request) async throws -> Response {
        guard let registration = try await Registration.find(try req.parameters.require(.registration), on: req.db) else { throw AppError.notFound }
        let partID = registration.$part.id
        var errors = FieldErrors()
        let values = req.formValues()
        let reason = try await lateChangeReason(req, partID: partID, values: values, errors: &errors)
        if !errors.isEmpty {
            return try await page(
                req, partID: partID, values: FormValues(), errors: FieldErrors(),
                cancelError: .init(
                    registrationID: try registration.requireID(), message: errors["reason"] ?? "",
                    typed: values["reason"]))
        }
        let userID = registration.$user.id
        try await Registrations.cancel(userID: userID, partID: partID, lateChangeReason: reason, services: req.cohesion, on: req.db) { db in
            try await Audit.record(
                .registration,
                "Absage von \(try await Audit.name(of: userID, on: db)) für "
                    + (try await Audit.part(partID, on: db)) + " durch die Programmleitung", objectID: partID, by: req, on: db)
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.cancelled.appended(to: AdminURL.registrations(.value(partID)).path))
    }

    /// After the part has begun the lead must say why (`RegistrationWindow`); before, no reason is asked and nil is returned.
    private func lateChangeReason(_ req: Request, partID: UUID, values: FormValues, errors: inout FieldErrors) async throws -> String? {
        guard let part = try await Part.find(partID, on: req.db) else { throw AppError.notFound }
        guard !RegistrationWindow.isOpen(startsOn: part.startsOn, today: BerlinTime.day(of: req.now)) else { return nil }
        return RegistrationWindow.checkLateChangeReason(values["reason"], errors: &errors, field: "reason")
    }

    private func page(
        _ req: Request, partID: UUID, values: FormValues, errors: FieldErrors,
        cancelError: RegistrationOverviewView.CancelError? = nil
    ) async throws -> Response {
        let list = ListPage(query: (try? req.query.decode([String: String].self)) ?? [:])
        guard let model = try await RegistrationOverview.query(partID: partID, list: list, cache: req.cohesion.reports, on: req.sql) else {
            throw AppError.notFound
        }
        let isOpen = RegistrationWindow.isOpen(startsOn: model.part.startsOn, today: BerlinTime.day(of: req.now))
        let view = RegistrationOverviewView.render(
            model, isOpen: isOpen, values: values, errors: errors, cancelError: cancelError,
            frame: req.frame("Anmeldungen: Teil \(model.part.number)", section: .admin))
        return .html(view, status: errors.isEmpty && cancelError == nil ? .ok : .unprocessableEntity)
    }
}
