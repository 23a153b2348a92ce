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
        let file = (try? req.content.decode(Upload.self))?.datei
        let name = MaterialAccess.cleanFileName(file?.filename ?? "")
        guard let file, file.data.readableBytes > 0, !name.isEmpty else {
            return try await page(req, user: user, unit: unit, error: "Bitte eine Datei wählen.", status: .unprocessableEntity)
        }
        let limit = req.cohesion.config.materialMaxMegabytes
        guard file.data.readableBytes <= limit * 1_048_576 else {
            return try await page(req, user: user, unit: unit, error: "Die Datei ist größer als \(limit) MB.", status: .payloadTooLarge)
        }
        guard let kind = UploadKind.detect(fileName: name, prefix: Array(file.data.readableBytesView.prefix(4096))) else {
            let message = "„\(name)“ wurde nicht angenommen: Inhalt und Endung passen nicht zu einer erlaubten Art. Erlaubt sind \(UploadKind.accepted)."
            return try await page(req, user: user, unit: unit, error: message, status: .unsupportedMediaType)
        }
        let material = Material()
        material.$unit.id = unit.id
        material.fileName = name
        // The type found in the content, not the one the browser claimed.
        material.contentType = kind.contentType
        material.size = file.data.readableBytes
        material.data = Data(file.data.readableBytesView)
        material.uploadedBy = user.id
        try await material.create(on: req.db)
        return req.redirect(to: Notice.uploaded.appended(to: SiteURL.unitMaterial(.value(unit.id)).path))
    }

    func download(req: Request) async throws -> Response {
        guard let material = try await Material.find(try req.parameters.require(.material), on: req.db) else { throw AppError.notFound }
        var headers = HTTPHeaders()
        // Always a download, never rendered in the site's origin: an uploaded HTML file cannot run here.
        headers.replaceOrAdd(name: .contentType, value: material.contentType.lowercased().contains("html") ? "application/octet-stream" : material.contentType)
        headers.replaceOrAdd(name: .contentDisposition, value: MaterialAccess.contentDisposition(fileName: material.fileName))
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        return Response(status: .ok, headers: headers, body: .init(data: material.data))
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
