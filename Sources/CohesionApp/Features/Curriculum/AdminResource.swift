import CohesionCore
import CohesionPlatform
import Vapor

/// One kind of thing the lead creates, edits and deletes. `AdminResourceController` turns a
/// resource into its six routes; the resource says what its form asks and how it is saved.
protocol AdminResource: Sendable {
    static var kind: AdminResourceKind { get }

    /// The form's fields; throws 404 when the parent does not exist.
    static func fields(parentID: UUID?, on req: Request) async throws -> [FieldSpec]

    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues

    /// The stored values of `id` as the form shows them, and its parent; nil when it does not exist.
    static func load(_ id: UUID, on req: Request) async throws -> (values: FormValues, parentID: UUID?)?

    /// Checks and saves in one transaction; nothing is written when a field is wrong.
    static func save(_ values: FormValues, id: UUID?, parentID: UUID?, on req: Request) async throws -> Checked<UUID>

    /// What else deleting `id` removes or changes, as sentences for the confirmation page.
    static func deletionConsequences(of id: UUID, on req: Request) async throws -> [String]

    static func delete(_ id: UUID, on req: Request) async throws

    /// Where the lead lands after saving.
    static func returnPath(parentID: UUID?, id: UUID) -> String

    static func title(of values: FormValues) -> String
}

extension AdminResource {
    static func defaults(parentID: UUID?, on req: Request) async throws -> FormValues { FormValues() }
    static func title(of values: FormValues) -> String { values["title"] }

    /// The admin page that lists this kind: where a deletion or a cancelled new form leads.
    static func parentPath(parentID: UUID?) -> String {
        switch (kind.parentKind, parentID) {
        case (.edition, let id?): AdminURL.edition(.value(id)).path
        case (.part, let id?): AdminURL.part(.value(id)).path
        default: AdminURL.overview.path
        }
    }
}

/// "1 Einheit" / "3 Einheiten".
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    count == 1 ? "1 \(singular)" : "\(count) \(plural)"
}
