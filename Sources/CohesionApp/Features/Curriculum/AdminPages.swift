import CohesionCore
import CohesionPlatform
import Fluent
import Vapor

/// The lead's overview pages: programmes, an edition's parts, a part's units.
struct AdminPagesController {
    func overview(req: Request) async throws -> Response {
        let programmes = try await Programme.query(on: req.db).sort(\.$title).all()
        async let editions = Edition.query(on: req.db).sort(\.$title).all()
        async let modules = CurriculumModule.query(on: req.db).sort(\.$position).all()
        async let areas = CompetenceArea.query(on: req.db).sort(\.$position).all()
        let model = AdminOverview(
            programmes: programmes.map { ($0.id!, $0.title) },
            editions: try await editions.map { ($0.$programme.id, $0.id!, $0.title) },
            modules: try await modules.map { ($0.$programme.id, $0.id!, "Modul \($0.code): \($0.title)") },
            areas: try await areas.map { ($0.$programme.id, $0.id!, $0.title) })
        return .html(AdminViews.overview(model, frame: req.frame("Verwaltung", section: .admin)))
    }

    func edition(req: Request) async throws -> Response {
        let id = try req.parameters.require(.edition).rawValue
        guard let edition = try await Edition.query(on: req.db).filter(\.$id == id).with(\.$programme).first() else {
            throw AppError.notFound
        }
        let parts = try await PartSummary.all(editionID: id, on: req.sql)
        return .html(
            AdminViews.edition(
                id: id, title: edition.title, programmeTitle: edition.programme.title, parts: parts,
                frame: req.frame(edition.title, section: .admin)))
    }

    func part(req: Request) async throws -> Response {
        let id = try req.parameters.require(.part).rawValue
        guard let page = try await PartPage.query(partID: id, on: req.sql) else { throw AppError.notFound }
        return .html(AdminViews.part(page, frame: req.frame("Teil \(page.part.number): \(page.part.title)", section: .admin)))
    }
}

struct AdminOverview {
    let programmes: [(id: UUID, title: String)]
    let editions: [(programmeID: UUID, id: UUID, title: String)]
    let modules: [(programmeID: UUID, id: UUID, title: String)]
    let areas: [(programmeID: UUID, id: UUID, title: String)]
}
