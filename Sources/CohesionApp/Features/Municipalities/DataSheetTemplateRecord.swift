import CohesionPlatform
import Fluent
import Foundation
import Vapor

/// The site's own data-sheet template, uploaded by the lead; without one the shipped one is used.
/// One for the whole site: the data sheet describes a municipality, not a programme.
final class DataSheetTemplateRecord: EditableTemplateRecord, @unchecked Sendable {
    static let schema = "data_sheet_templates"

    @ID(key: .id) var id: UUID?
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: OpenDocumentFile.Format
    @Field(key: "data") var data: Data
    @Field(key: "uploaded_at") var uploadedAt: Date

    init() {}

    static let about = EditableTemplateInfo(
        title: "Vorlage des Datenblatts",
        purpose: "Das Datenblatt einer Kommune für ihr Integrationskonzept entsteht aus einem OpenDocument-Text.",
        appliesTo: "alle Datenblätter", downloadName: "datenblatt", shipped: DataSheetTemplate.fodt, placeholders: DataSheetTemplate.placeholders,
        // The place, its figures, and the sources with the licences the publishers ask to be named.
        required: ["KOMMUNE", "ZAHLEN", "QUELLEN"],
        requiredNote: "{{KOMMUNE}}, {{ZAHLEN}} und {{QUELLEN}} müssen bleiben: Die Quellen- und Lizenzangaben sind Pflicht.",
        page: .dataSheetTemplate, file: .dataSheetTemplateFile, reset: .defaultDataSheetTemplate)
}

struct CreateDataSheetTemplate: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await EditableTemplateSchema.create(DataSheetTemplateRecord.schema, on: database)
    }

    func revert(on database: Database) async throws {
        try await database.schema(DataSheetTemplateRecord.schema).delete()
    }
}
