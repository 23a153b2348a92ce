import CohesionCore
import CohesionPlatform
import Vapor

/// The public programme: every programme with its editions and parts, and each part's timetable.
struct TimetableController {
    func home(req: Request) async throws -> Response {
        let model = try await ProgrammeOverview.query(on: req.sql)
        return .html(HomeView.render(model, frame: req.frame("Programm", section: .programme)))
    }

    func part(req: Request) async throws -> Response {
        guard let model = try await PartPage.query(partID: try req.parameters.require(.part).rawValue, on: req.sql) else { throw AppError.notFound }
        return .html(PartView.render(model, frame: req.frame("Teil \(model.part.number): \(model.part.title)", section: .programme)))
    }
}
