import CohesionCore
import CohesionPlatform
import Fluent
import SQLKit
import Vapor

/// The files a team shares: members upload and download; the uploader deletes their own.
struct TopicTeamDocumentController {
    struct Listed: Decodable, Sendable {
        let id: UUID; let fileName: String; let size: Int; let uploadedBy: UUID; let uploader: String; let erasedAt: Date?; let createdAt: Date
    }

    static func listed(teamID: UUID, on db: any SQLDatabase) async throws -> [Listed] {
        try await db.raw(
            """
            SELECT d.id, d.file_name, d.size, d.uploaded_by, u.name AS uploader, u.erased_at, d.created_at
            FROM topic_team_documents d JOIN users u ON u.id = d.uploaded_by WHERE d.team_id = \(bind: teamID) ORDER BY d.file_name, d.created_at
            """
        ).all(decoding: Listed.self, with: .snakeCaseColumns)
    }

    func upload(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let teamID = try req.parameters.require(.team).rawValue
        struct Upload: Decodable { var datei: File? }
        switch CheckedUpload.check((try? req.content.decode(Upload.self))?.datei, maxMegabytes: req.cohesion.config.materialMaxMegabytes) {
        case .failure(let refusal):
            return try await TopicTeamController().teamPage(req, form: nil, uploadError: refusal.message, status: refusal.status)
        case .success(let upload):
            try await TopicTeamDocument(teamID: teamID, upload: upload, by: user.id, at: req.now).create(on: req.db)
            return req.redirect(to: Notice.uploaded.appended(to: SiteURL.topicTeam(.value(teamID)).path) + "#dokumente")
        }
    }

    func download(req: Request) async throws -> Response {
        let document = try await Self.document(req)
        return CheckedUpload.download(fileName: document.fileName, contentType: document.contentType, data: document.data)
    }

    /// The route's rule has checked that the document is this member's own (`TopicTeamAudience.ownDocument`).
    func delete(req: Request) async throws -> Response {
        let document = try await Self.document(req)
        try await document.delete(on: req.db)
        return req.redirect(to: Notice.deleted.appended(to: SiteURL.topicTeam(.value(document.$team.id)).path) + "#dokumente")
    }

    /// The document named in the address, if it belongs to the team named there.
    private static func document(_ req: Request) async throws -> TopicTeamDocument {
        let teamID = try req.parameters.require(.team).rawValue
        guard let document = try await TopicTeamDocument.find(try req.parameters.require(.document).rawValue, on: req.db), document.$team.id == teamID
        else { throw AppError.notFound }
        return document
    }
}
