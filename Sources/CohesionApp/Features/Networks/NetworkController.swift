import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The participant's own network: the page with map and findings, and the editor.
struct NetworkController {
    func show(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let network = try await NetworkStore.load(userID: user.id, on: req.sql)
        let snapshots = try await NetworkSnapshot.query(on: req.db).filter(\.$user.$id == user.id).count()
        let page = NetworkViews.Page(
            network: network, ownerName: nil, snapshotCount: snapshots,
            importResult: try await SessionFlash.take(NetworkExchangeController.ImportResult.self, on: req))
        return .html(NetworkViews.overview(page, frame: req.frame("Mein Netzwerk", section: .myProgramme)))
    }

    /// The lead reads a participant's network; contact data stays with its owner.
    func showForLead(req: Request) async throws -> Response {
        guard let owner = try await User.find(try req.parameters.require(.person), on: req.db), owner.role == .participant else { throw AppError.notFound }
        let network = try await NetworkStore.load(userID: try owner.requireID(), on: req.sql)
        let page = NetworkViews.Page(network: network, ownerName: owner.name, snapshotCount: 0)
        return .html(NetworkViews.overview(page, frame: req.frame("Netzwerk von \(owner.name)", section: .admin)))
    }

    func comparison(req: Request) async throws -> Response {
        let model = try await NetworkComparison.forParticipant(
            try req.requireUser().id, rule: req.disclosureRule,
            cache: req.cohesion.reports, on: req.sql)
        return .html(NetworkComparisonViews.participant(model, frame: req.frame("Mein Netzwerk im Vergleich", section: .myProgramme)))
    }

    func cohort(req: Request) async throws -> Response {
        let edition = try await Edition.named(by: req)
        let model = try await NetworkComparison.forEdition(
            try edition.requireID(), title: edition.title, rule: req.disclosureRule,
            cache: req.cohesion.reports, on: req.sql)
        return .html(NetworkComparisonViews.cohort(model, frame: req.frame("Netzwerke der Kohorte", section: .admin)))
    }

    // MARK: Actors

    func newActor(req: Request) async throws -> Response {
        .html(NetworkViews.actorForm(actorID: nil, values: FormValues(), errors: FieldErrors(), frame: actorFrame(req, new: true)))
    }

    func createActor(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let values = req.formValues()
        switch NetworkForms.actorInput(values).check(takenNames: try await takenNames(user.id, except: nil, on: req)) {
        case .invalid(let errors):
            return .html(
                NetworkViews.actorForm(actorID: nil, values: values, errors: errors, frame: actorFrame(req, new: true)),
                status: .unprocessableEntity)
        case .valid(let actor):
            _ = try await NetworkStore.addActor(actor, userID: user.id, on: req.db)
            return req.redirect(to: Notice.created.appended(to: SiteURL.network.path))
        }
    }

    func editActor(req: Request) async throws -> Response {
        let actor = try await ownActor(req)
        let values = FormValues(["name": actor.name, "kind": actor.kind.rawValue, "contact": actor.contact, "note": actor.note])
        return .html(NetworkViews.actorForm(actorID: try actor.requireID(), values: values, errors: FieldErrors(), frame: actorFrame(req, new: false)))
    }

    func updateActor(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let actor = try await ownActor(req)
        let values = req.formValues()
        switch NetworkForms.actorInput(values).check(takenNames: try await takenNames(user.id, except: actor.id, on: req)) {
        case .invalid(let errors):
            return .html(
                NetworkViews.actorForm(actorID: try actor.requireID(), values: values, errors: errors, frame: actorFrame(req, new: false)),
                status: .unprocessableEntity)
        case .valid(let checked):
            actor.name = checked.name
            actor.kind = checked.kind
            actor.contact = checked.contact
            actor.note = checked.note
            try await actor.save(on: req.db)
            return req.redirect(to: Notice.saved.appended(to: SiteURL.network.path))
        }
    }

    func deleteActor(req: Request) async throws -> Response {
        let actor = try await ownActor(req)
        try await req.db.transaction { db in
            let id = try actor.requireID()
            try await NetworkTie.query(on: db).group(.or) { $0.filter(\.$from.$id == id).filter(\.$to.$id == id) }.delete()
            try await actor.delete(on: db)
        }
        return req.redirect(to: Notice.deleted.appended(to: SiteURL.network.path))
    }

    // MARK: Ties

    func newTie(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let network = try await NetworkStore.load(userID: user.id, on: req.sql)
        return .html(
            NetworkViews.tieForm(
                network, values: FormValues(["from": TieInput.ownOffice, "status": TieStatus.exists.rawValue]),
                errors: FieldErrors(), frame: req.frame("Verbindung hinzufügen", section: .myProgramme)))
    }

    func createTie(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let network = try await NetworkStore.load(userID: user.id, on: req.sql)
        let values = req.formValues()
        switch NetworkForms.tieInput(values).check(actors: Set(network.actors.map(\.id))) {
        case .invalid(let errors):
            return .html(
                NetworkViews.tieForm(network, values: values, errors: errors, frame: req.frame("Verbindung hinzufügen", section: .myProgramme)),
                status: .unprocessableEntity)
        case .valid(let tie):
            try await NetworkStore.addTie(tie, userID: user.id, on: req.db)
            return req.redirect(to: Notice.created.appended(to: SiteURL.network.path))
        }
    }

    func deleteTie(req: Request) async throws -> Response {
        // The route's rule has made sure the tie is the participant's own.
        guard let tie = try await NetworkTie.find(try req.parameters.require(.tie), on: req.db) else { throw AppError.notFound }
        try await tie.delete(on: req.db)
        return req.redirect(to: Notice.deleted.appended(to: SiteURL.network.path))
    }

    // MARK: Helpers

    private func actorFrame(_ req: Request, new: Bool) -> PageFrame {
        req.frame(new ? "Akteur hinzufügen" : "Akteur bearbeiten", section: .myProgramme)
    }

    /// The route's rule has made sure the actor is the participant's own.
    private func ownActor(_ req: Request) async throws -> NetworkActor {
        guard let actor = try await NetworkActor.find(try req.parameters.require(.actor), on: req.db) else { throw AppError.notFound }
        return actor
    }

    private func takenNames(_ userID: UUID, except actorID: UUID?, on req: Request) async throws -> Set<String> {
        let actors = try await NetworkActor.query(on: req.db).filter(\.$user.$id == userID).all()
        return Set(actors.filter { $0.id != actorID }.map { $0.name.lowercased() })
    }
}
