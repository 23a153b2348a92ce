import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The lead changes parts and units through the same checks as the forms (`PartResource`, `UnitResource`):
/// the JSON fields are the form's fields, an invalid field answers 422 with the form's message, and nothing is half-saved.
extension APIHandler {
    func updatePart(_ input: Operations.UpdatePart.Input) async throws -> Operations.UpdatePart.Output {
        let req = try request
        let partID = try id(input.path.part)
        guard let loaded = try await PartResource.load(partID, on: req) else { throw AppError.notFound }
        var values = loaded.values
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        let changes: [String: String?] = [
            "title": body.title, "focus": body.focus, "startsOn": body.startsOn, "endsOn": body.endsOn, "venueName": body.venueName,
            "address": body.address, "city": body.city, "capacity": body.capacity.map(String.init), "delivery": body.delivery?.rawValue,
        ]
        for case (let name, let value?) in changes { values[name] = value }
        if case .invalid(let errors) = try await PartResource.save(values, id: partID, parentID: loaded.parentID, on: req) { throw AppError.invalid(errors) }
        guard let page = try await PartPage.query(partID: partID, on: req.sql) else { throw AppError.notFound }
        return .ok(.init(body: .json(.init(page))))
    }

    func createUnit(_ input: Operations.CreateUnit.Input) async throws -> Operations.CreateUnit.Output {
        let req = try request
        let partID = try id(input.path.part)
        guard try await Part.find(partID, on: req.db) != nil else { throw AppError.notFound }
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        var values = try await UnitResource.defaults(parentID: partID, on: req)
        apply(body, to: &values)
        switch try await UnitResource.save(values, id: nil, parentID: partID, on: req) {
        case .invalid(let errors): throw AppError.invalid(errors)
        case .valid(let unitID): return .created(.init(body: .json(.init(id: unitID.uuidString))))
        }
    }

    func updateUnit(_ input: Operations.UpdateUnit.Input) async throws -> Operations.UpdateUnit.Output {
        let req = try request
        let unitID = try id(input.path.unit)
        guard let loaded = try await UnitResource.load(unitID, on: req) else { throw AppError.notFound }
        var values = loaded.values
        guard case .json(let body) = input.body else { throw AppError(.unsupportedMediaType, "Bitte JSON senden.") }
        apply(body, to: &values)
        if case .invalid(let errors) = try await UnitResource.save(values, id: unitID, parentID: loaded.parentID, on: req) { throw AppError.invalid(errors) }
        return .noContent(.init())
    }

    func deleteUnit(_ input: Operations.DeleteUnit.Input) async throws -> Operations.DeleteUnit.Output {
        let req = try request
        let unitID = try id(input.path.unit)
        guard try await Unit.find(unitID, on: req.db) != nil else { throw AppError.notFound }
        try await UnitResource.delete(unitID, on: req)
        return .noContent(.init())
    }

    /// Only the fields the body names change; an empty `moduleID` removes the module.
    private func apply(_ body: Components.Schemas.UnitInput, to values: inout FormValues) {
        let changes: [String: String?] = [
            "title": body.title, "day": body.day, "startTime": body.startTime, "endTime": body.endTime, "room": body.room,
            "format": body.format, "moduleID": body.moduleID, "description": body.description, "objectives": body.objectives,
            "delivery": body.delivery?.rawValue, "videoURL": body.videoURL,
        ]
        for case (let name, let value?) in changes { values[name] = value }
        if let areas = body.competenceAreaIDs { values.set("competenceAreaIDs", all: areas) }
        if let facilitators = body.facilitatorIDs { values.set("facilitatorIDs", all: facilitators) }
    }
}
