import CohesionCore
import CohesionPlatform
import Foundation

/// `/auswertung/durchlaeufe/{edition}/kommunen`: where an edition's participants work, on a map
/// of their Land and in tables by kind and size of municipality and by Kreis. For partners every
/// split follows the disclosure rule, so no officer can be singled out.
struct CohortMap: Sendable {
    struct Point: Sendable {
        let longitude: Double
        let latitude: Double
    }

    /// A place on the map: a Gemeinde (or, for partners, a Kreis) and how many come from it.
    struct Place: Sendable {
        let name: String
        let point: Point
        let count: Int
    }

    struct Row: Sendable {
        let label: String
        let count: Int
    }

    struct Table: Sendable {
        let title: String
        let rows: [Row]
        /// Participants in groups too small to show on their own, shown together (nil: none).
        let merged: Int?
    }

    let editionTitle: String
    let landName: String?
    let members: Int
    /// Every Gemeinde of the Land, drawn faintly as its outline.
    let background: [Point]
    let places: [Place]
    let tables: [Table]
    /// True when small groups are merged or hidden (partners).
    let aggregated: Bool
    let minimumGroup: Int
}
