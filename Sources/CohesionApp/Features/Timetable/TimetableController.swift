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
        let partID = try req.parameters.require(.part).rawValue
        guard let model = try await PartPage.query(partID: partID, on: req.sql) else { throw AppError.notFound }
        let videoRooms = try await req.user.asyncFlatMap { try await VideoRooms.forPart(partID, userID: $0.id, now: req.now, on: req.sql) } ?? [:]
        return .html(
            PartView.render(model, frame: req.frame("Teil \(model.part.number): \(model.part.title)", section: .programme), videoRooms: videoRooms))
    }
}
