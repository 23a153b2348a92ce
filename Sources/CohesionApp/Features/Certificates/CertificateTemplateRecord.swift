import CohesionPlatform
import Fluent
import Foundation

/// A programme's own certificate template, uploaded by the lead; without one the default is used.
final class CertificateTemplateRecord: Model, @unchecked Sendable {
    static let schema = "certificate_templates"

    @ID(key: .id) var id: UUID?
    @Parent(key: "programme_id") var programme: Programme
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: OpenDocumentFile.Format
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}
}

struct CreateCertificateTemplate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(CertificateTemplateRecord.schema)
            .id()
            .field("programme_id", .uuid, .required, .references(Programme.schema, "id", onDelete: .cascade))
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .unique(on: "programme_id")
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(CertificateTemplateRecord.schema).delete()
    }
}

extension CertificateTemplateRecord {
    /// The template an edition's certificates are made from: the programme's own, else the default.
    static func forEdition(_ editionID: UUID, on db: Database) async throws -> (data: Data, format: OpenDocumentFile.Format, fileName: String?) {
        guard let edition = try await Edition.find(editionID, on: db),
            let own = try await CertificateTemplateRecord.query(on: db).filter(\.$programme.$id == edition.$programme.id).first()
        else {
            return (Data(DefaultCertificateTemplate.fodt.utf8), .flat, nil)
        }
        return (own.data, own.format, own.fileName)
    }
}
