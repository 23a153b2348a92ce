import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The tags an article can carry, with their labels: competence areas come from the programmes,
/// the municipal context and the fields of action are fixed lists.
struct PortalTags: Sendable {
    let areas: [FieldSpec.Choice]

    static let municipalityKinds: [FieldSpec.Choice] = [
        .init(value: "gemeinde", label: "Gemeinde"),
        .init(value: "stadt", label: "Kreisangehörige Stadt"),
        .init(value: "kreisfreie-stadt", label: "Kreisfreie Stadt"),
        .init(value: "landkreis", label: "Landkreis"),
    ]

    static let sizes: [FieldSpec.Choice] = [
        .init(value: "unter-5000", label: "unter 5.000 Einwohner*innen"),
        .init(value: "5000-20000", label: "5.000 bis unter 20.000"),
        .init(value: "20000-100000", label: "20.000 bis unter 100.000"),
        .init(value: "ab-100000", label: "100.000 und mehr"),
    ]

    static let fields: [FieldSpec.Choice] = FieldOfAction.allCases.map { .init(value: $0.rawValue, label: $0.label) }

    func choices(_ kind: PortalTagKind) -> [FieldSpec.Choice] {
        switch kind {
        case .area: areas
        case .municipalityKind: Self.municipalityKinds
        case .size: Self.sizes
        case .field: Self.fields
        }
    }

    func label(_ kind: PortalTagKind, _ value: String) -> String? { choices(kind).first { $0.value == value }?.label }

    static func title(_ kind: PortalTagKind) -> String {
        switch kind {
        case .area: "Kompetenzbereich"
        case .municipalityKind: "Art der Kommune"
        case .size: "Größe der Kommune"
        case .field: "Handlungsfeld"
        }
    }

    /// The form field's name for each kind, the same as the search filter's.
    static func field(_ kind: PortalTagKind) -> String { kind.rawValue }

    private struct AreaRow: Decodable { let id: UUID; let title: String }

    /// The competence areas of every programme, in their order.
    static func load(on db: any SQLDatabase) async throws -> PortalTags {
        let rows = try await db.raw("SELECT id, title FROM competence_areas ORDER BY position, title").all(decoding: AreaRow.self)
        return PortalTags(areas: rows.map { .init(value: $0.id.uuidString.lowercased(), label: $0.title) })
    }
}
