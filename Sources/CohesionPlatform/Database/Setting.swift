import Fluent
import Foundation

/// A value the installation keeps for itself, such as the key behind research pseudonyms.
package final class Setting: Model, @unchecked Sendable {
    package static let schema = "settings"

    @ID(key: .id) package var id: UUID?
    @Field(key: "key") package var key: String
    @Field(key: "value") package var value: String

    package init() {}

    /// The value for `key`, created once with `make` and kept from then on.
    package static func value(_ key: String, orCreate make: () -> String, on db: any Database) async throws -> String {
        if let existing = try await Setting.query(on: db).filter(\.$key == key).first() { return existing.value }
        let setting = Setting()
        setting.key = key
        setting.value = make()
        try await setting.create(on: db)
        return setting.value
    }
}
