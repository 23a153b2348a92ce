import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The site's own data-sheet template, uploaded by the lead; without one the shipped one is used.
/// One for the whole site: the data sheet describes a municipality, not a programme.
final class DataSheetTemplateRecord: Model, @unchecked Sendable {
    static let schema = "data_sheet_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: OpenDocumentFile.Format
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}

    /// Placeholders a template must keep: the place, its figures, and the sources with the licences
    /// the publishers ask to be named.
    static let required = ["KOMMUNE", "ZAHLEN", "QUELLEN"]

    static func current(on db: any Database) async throws -> (data: Data, format: OpenDocumentFile.Format, fileName: String?) {
        guard let own = try await DataSheetTemplateRecord.query(on: db).first() else {
            return (Data(DataSheetTemplate.fodt.utf8), .flat, nil)
        }
        return (own.data, own.format, own.fileName)
    }
}

struct CreateDataSheetTemplate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(DataSheetTemplateRecord.schema)
            .id()
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("data", .data, .required)
            .field("uploaded_at", .datetime, .required)
            .create()
    }

    func revert(on database: Database) async throws {
        try await database.schema(DataSheetTemplateRecord.schema).delete()
    }
}
