import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The lead assigns partner accounts to a programme (and removes them again).
struct ProgrammePartnerController {
    struct Person: Decodable, Sendable { let id: UUID; let name: String; let email: String }

    func page(req: Request) async throws -> Response {
        try await render(req, programme: programme(req), error: nil)
    }

    func assign(req: Request) async throws -> Response {
        let programme = try await programme(req)
        let programmeID = try programme.requireID()
        guard let userID = UUID(uuidString: req.formValues()["partner"]),
            let user = try await User.find(userID, on: req.db), user.role == Role.partner
        else {
            return try await render(req, programme: programme, error: "Bitte ein Partner-Konto aus der Liste wählen.", status: .unprocessableEntity)
        }
        let already = try await ProgrammePartner.query(on: req.db).filter(\.$programme.$id == programmeID).filter(\.$user.$id == userID).count()
        if already == 0 { try await ProgrammePartner(programmeID: programmeID, userID: userID).create(on: req.db) }
        return req.redirect(to: Notice.saved.appended(to: AdminURL.programmePartners(.value(programmeID)).path))
    }

    func remove(req: Request) async throws -> Response {
        let programmeID = try await programme(req).requireID()
        try await ProgrammePartner.query(on: req.db).filter(\.$programme.$id == programmeID)
            .filter(\.$user.$id == req.parameters.require(.person).rawValue).delete()
        return req.redirect(to: Notice.saved.appended(to: AdminURL.programmePartners(.value(programmeID)).path))
    }

    private func programme(_ req: Request) async throws -> Programme {
        guard let programme = try await Programme.find(try req.parameters.require(.programme), on: req.db) else { throw AppError.notFound }
        return programme
    }

    private func render(_ req: Request, programme: Programme, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let programmeID = try programme.requireID()
        let people = try await req.sql.raw(
            """
            SELECT u.id, u.name, u.email FROM users u WHERE u.role = \(bind: Role.partner) ORDER BY u.name
            """
        ).all(decoding: Person.self)
        let assigned = Set(try await ProgrammePartner.query(on: req.db).filter(\.$programme.$id == programmeID).all().map(\.$user.id))
        let view = PartnerViews.assignment(
            programmeID: programmeID, programmeTitle: programme.title,
            assigned: people.filter { assigned.contains($0.id) },
            candidates: people.filter { !assigned.contains($0.id) }, error: error,
            frame: req.frame("Partner: " + programme.title, section: .admin))
        return .html(view, status: status)
    }
}
