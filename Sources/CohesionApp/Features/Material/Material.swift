import CohesionPlatform
import Fluent
import Foundation

/// A file for a unit, kept in the database so every instance serves it and one backup holds it.
final class Material: Model, @unchecked Sendable {
    static let schema = "materials"

    @ID(key: .id) var id: UUID?
    @Parent(key: "unit_id") var unit: Unit
    @Field(key: "file_name") var fileName: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data
    @OptionalField(key: "uploaded_by") var uploadedBy: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}
}
