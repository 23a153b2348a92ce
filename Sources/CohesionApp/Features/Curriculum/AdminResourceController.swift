import CohesionCore
import CohesionPlatform
import Vapor

/// The six routes of an `AdminResource`: new, create, edit, update, confirm delete, delete.
struct AdminResourceController<Resource: AdminResource> {
    var kind: AdminResourceKind { Resource.kind }

    func register(on routes: any RoutesBuilder) {
        let parent: Param<UUID>? = kind.parentKind == nil ? nil : .key
        routes.get(AdminURL.new(kind, parent: parent), .leadArea, use: newForm)
        routes.post(AdminURL.create(kind, parent: parent), .leadArea, use: create)
        routes.get(AdminURL.edit(kind, .key), .leadArea, use: editForm)
        routes.post(AdminURL.edit(kind, .key), .leadArea, use: update)
        routes.get(AdminURL.delete(kind, .key), .leadArea, use: confirmDelete)
        routes.post(AdminURL.delete(kind, .key), .leadArea, use: delete)
    }

    private func parentID(_ req: Request) throws -> UUID? {
        try kind.parentKind.map { try req.parameters.require($0.idParameter) }
    }

    func newForm(req: Request) async throws -> Response {
        let parentID = try parentID(req)
        let fields = try await Resource.fields(parentID: parentID, on: req)
        let values = try await Resource.defaults(parentID: parentID, on: req)
        return form(req, fields: fields, values: values, errors: FieldErrors(), id: nil, parentID: parentID)
    }

    func create(req: Request) async throws -> Response {
        let parentID = try parentID(req)
        let fields = try await Resource.fields(parentID: parentID, on: req)
        let values = req.formValues()
        let lineBreaks = FieldErrors(lineBreaksIn: values, fields: fields)
        guard lineBreaks.isEmpty else { return form(req, fields: fields, values: values, errors: lineBreaks, id: nil, parentID: parentID) }
        switch try await Resource.save(values, id: nil, parentID: parentID, on: req) {
        case .valid(let id):
            return req.redirect(to: Notice.created.appended(to: Resource.returnPath(parentID: parentID, id: id)))
        case .invalid(let errors):
            return form(req, fields: fields, values: values, errors: errors, id: nil, parentID: parentID)
        }
    }

    func editForm(req: Request) async throws -> Response {
        let id = try req.parameters.require(kind.idParameter)
        guard let loaded = try await Resource.load(id, on: req) else { throw AppError.notFound }
        let fields = try await Resource.fields(parentID: loaded.parentID, on: req)
        return form(req, fields: fields, values: loaded.values, errors: FieldErrors(), id: id, parentID: loaded.parentID)
    }

    func update(req: Request) async throws -> Response {
        let id = try req.parameters.require(kind.idParameter)
        guard let loaded = try await Resource.load(id, on: req) else { throw AppError.notFound }
        let fields = try await Resource.fields(parentID: loaded.parentID, on: req)
        let values = req.formValues()
        let lineBreaks = FieldErrors(lineBreaksIn: values, fields: fields)
        guard lineBreaks.isEmpty else { return form(req, fields: fields, values: values, errors: lineBreaks, id: id, parentID: loaded.parentID) }
        switch try await Resource.save(values, id: id, parentID: loaded.parentID, on: req) {
        case .valid:
            return req.redirect(to: Notice.saved.appended(to: Resource.returnPath(parentID: loaded.parentID, id: id)))
        case .invalid(let errors):
            return form(req, fields: fields, values: values, errors: errors, id: id, parentID: loaded.parentID)
        }
    }

    func confirmDelete(req: Request) async throws -> Response {
        let id = try req.parameters.require(kind.idParameter)
        guard let loaded = try await Resource.load(id, on: req) else { throw AppError.notFound }
        let consequences = try await Resource.deletionConsequences(of: id, on: req)
        let title = "\(kind.singular) löschen"
        return .html(
            AdminFormView.confirmDelete(
                kind: kind, name: Resource.title(of: loaded.values), consequences: consequences,
                action: AdminURL.delete(kind, .value(id)).path,
                cancel: Resource.returnPath(parentID: loaded.parentID, id: id),
                frame: req.frame(title, section: .admin)))
    }

    func delete(req: Request) async throws -> Response {
        let id = try req.parameters.require(kind.idParameter)
        guard let loaded = try await Resource.load(id, on: req) else { throw AppError.notFound }
        try await Resource.delete(id, on: req)
        return req.redirect(to: Notice.deleted.appended(to: Resource.parentPath(parentID: loaded.parentID)))
    }

    private func form(_ req: Request, fields: [FieldSpec], values: FormValues, errors: FieldErrors, id: UUID?, parentID: UUID?) -> Response {
        let isNew = id == nil
        let title = isNew ? "\(kind.singular) anlegen" : "\(kind.singular) bearbeiten"
        let action =
            id.map { AdminURL.edit(kind, .value($0)).path }
            ?? AdminURL.create(kind, parent: parentID.map { .value($0) }).path
        let cancel =
            id.map { Resource.returnPath(parentID: parentID, id: $0) }
            ?? Resource.parentPath(parentID: parentID)
        let page = AdminFormView.form(
            title: title, fields: fields, values: values, errors: errors,
            action: action, cancel: cancel, frame: req.frame(title, section: .admin))
        return .html(page, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }
}
