import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// A participant registers for a part of their edition, changes the answers, or cancels.
struct RegistrationController {
    func show(req: Request) async throws -> Response {
        let (user, part) = try await memberAndPart(req)
        let registration = try await current(req, user.id, part)
        return try await page(
            req, part: part, registration: registration, values: RegistrationForm.values(of: registration),
            errors: FieldErrors())
    }

    func register(req: Request) async throws -> Response {
        let (user, part) = try await memberAndPart(req)
        if let refusal = try await refusalAfterStart(req, user, part) { return refusal }
        let values = req.formValues()
        switch RegistrationForm.check(values) {
        case .invalid(let errors):
            return try await page(req, part: part, registration: try await current(req, user.id, part), values: values, errors: errors)
        case .valid(let answers):
            let partID = try part.requireID()
            _ = try await Registrations.register(userID: user.id, partID: partID, answers: answers, on: req.db) { db in
                try await Audit.record(
                    .registration, "Anmeldung von \(user.name) für \(try await Audit.part(partID, on: db))",
                    objectID: partID, by: req, on: db)
            }
            return req.redirect(to: Notice.saved.appended(to: SiteURL.registration(.value(try part.requireID())).path))
        }
    }

    func cancel(req: Request) async throws -> Response {
        let (user, part) = try await memberAndPart(req)
        if let refusal = try await refusalAfterStart(req, user, part) { return refusal }
        let partID = try part.requireID()
        try await Registrations.cancel(userID: user.id, partID: partID, services: req.cohesion, on: req.db) { db in
            try await Audit.record(
                .registration, "Absage von \(user.name) für \(try await Audit.part(partID, on: db))",
                objectID: partID, by: req, on: db)
        }
        await req.cohesion.mailer.deliverPending(on: req.db, logger: req.logger, now: req.now)
        return req.redirect(to: Notice.cancelled.appended(to: SiteURL.registration(.value(try part.requireID())).path))
    }

    /// Once the part has begun, a participant's change is refused with the page that says why (409).
    private func refusalAfterStart(_ req: Request, _ user: CurrentUser, _ part: Part) async throws -> Response? {
        guard !isOpen(req, part) else { return nil }
        let registration = try await current(req, user.id, part)
        return try await page(
            req, part: part, registration: registration, values: RegistrationForm.values(of: registration),
            errors: FieldErrors(), refused: true)
    }

    private func isOpen(_ req: Request, _ part: Part) -> Bool {
        RegistrationWindow.isOpen(startsOn: part.startsOn, today: BerlinTime.day(of: req.now))
    }

    /// The route's rule has made sure the participant belongs to the part's edition.
    private func memberAndPart(_ req: Request) async throws -> (CurrentUser, Part) {
        let user = try req.requireUser()
        guard let part = try await Part.find(try req.parameters.require(.part), on: req.db) else { throw AppError.notFound }
        return (user, part)
    }

    private func current(_ req: Request, _ userID: UUID, _ part: Part) async throws -> Registration? {
        try await Registration.query(on: req.db).filter(\.$part.$id == part.requireID()).filter(\.$user.$id == userID).first()
    }

    private func page(
        _ req: Request, part: Part, registration: Registration?, values: FormValues, errors: FieldErrors,
        refused: Bool = false
    ) async throws -> Response {
        var waitlistPlace: Int?
        if let registration, registration.status == RegistrationStatus.waitlisted {
            waitlistPlace = try await Registration.query(on: req.db).filter(\.$part.$id == part.requireID())
                .filter(\.$status == RegistrationStatus.waitlisted).filter(\.$sequence <= registration.sequence).count()
        }
        let status = registration?.status
        let title = "Anmeldung: Teil \(part.number)"
        let view = RegistrationView.render(
            part: part, status: status, waitlistPlace: waitlistPlace, values: values, errors: errors,
            isOpen: isOpen(req, part), refused: refused, frame: req.frame(title, section: .myProgramme))
        return .html(view, status: refused ? .conflict : errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
