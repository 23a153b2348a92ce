import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// Material for units. Who may upload and download is the routes' rule (`MaterialFeature`).
struct MaterialController {
    struct Listed: Decodable, Sendable {
        let id: UUID
        let unitID: UUID
        let fileName: String
        let size: Int
        let createdAt: Date?
    }

    func unitPage(req: Request) async throws -> Response {
        let (user, unit) = try await viewer(req)
        return try await page(req, user: user, unit: unit, error: nil)
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        guard let unit = try await MaterialAccess.unit(try req.parameters.require(.unit).rawValue, on: req.sql) else { throw AppError.notFound }
        struct Upload: Decodable { var datei: File? }
        let upload: CheckedUpload
        switch CheckedUpload.check((try? req.content.decode(Upload.self))?.datei, maxMegabytes: req.cohesion.config.materialMaxMegabytes) {
        case .failure(let refusal): return try await page(req, user: user, unit: unit, error: refusal.message, status: refusal.status)
        case .success(let checked): upload = checked
        }
        let material = Material()
        material.$unit.id = unit.id
        material.fileName = upload.fileName
        material.contentType = upload.contentType
        material.size = upload.data.count
        material.data = upload.data
        material.uploadedBy = user.id
        try await material.create(on: req.db)
        return req.redirect(to: Notice.uploaded.appended(to: SiteURL.unitMaterial(.value(unit.id)).path))
    }

    func download(req: Request) async throws -> Response {
        guard let material = try await Material.find(try req.parameters.require(.material), on: req.db) else { throw AppError.notFound }
        return CheckedUpload.download(fileName: material.fileName, contentType: material.contentType, data: material.data)
    }

    func delete(req: Request) async throws -> Response {
        guard let material = try await Material.find(try req.parameters.require(.material), on: req.db) else { throw AppError.notFound }
        try await material.delete(on: req.db)
        return req.redirect(to: Notice.deleted.appended(to: SiteURL.unitMaterial(.value(material.$unit.id)).path))
    }

    /// All material of a part, for its participants.
    func partPage(req: Request) async throws -> Response {
        let partID = try req.parameters.require(.part).rawValue
        let units = try await req.sql.raw(
            """
            SELECT u.id, u.title, p.id AS part_id, p.number AS part_number, p.title AS part_title, p.edition_id
            FROM units u JOIN parts p ON p.id = u.part_id WHERE p.id = \(bind: partID) ORDER BY u.starts_at
            """
        ).all(decoding: MaterialAccess.UnitInfo.self, with: .snakeCaseColumns)
        guard let first = units.first else { throw AppError.notFound }
        let files = try await listed(unitIDs: units.map(\.id), on: req.sql)
        return .html(MaterialViews.part(units: units, files: files, frame: req.frame("Material: Teil \(first.partNumber)", section: .myProgramme)))
    }

    private func viewer(_ req: Request) async throws -> (CurrentUser, MaterialAccess.UnitInfo) {
        let user = try req.requireUser()
        guard let unit = try await MaterialAccess.unit(try req.parameters.require(.unit).rawValue, on: req.sql) else { throw AppError.notFound }
        return (user, unit)
    }

    private func page(
        _ req: Request, user: CurrentUser, unit: MaterialAccess.UnitInfo, error: String?,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let files = try await listed(unitIDs: [unit.id], on: req.sql)
        let canUpload = try await MaterialAccess.mayUpload(user, unitID: unit.id, on: req.sql)
        let view = MaterialViews.unit(
            unit, files: files, canUpload: canUpload, maxMegabytes: req.cohesion.config.materialMaxMegabytes,
            error: error, frame: req.frame("Material: \(unit.title)", section: user.role.canEditStructure ? .admin : .myProgramme))
        return .html(view, status: status)
    }

    private func listed(unitIDs: [UUID], on db: any SQLDatabase) async throws -> [Listed] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.raw(
            """
            SELECT id, unit_id, file_name, size, created_at FROM materials WHERE unit_id IN (\(binds: unitIDs)) ORDER BY file_name
            """
        ).all(decoding: Listed.self, with: .snakeCaseColumns)
    }
}
