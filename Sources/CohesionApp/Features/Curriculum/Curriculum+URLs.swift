import CohesionPlatform
import Foundation

/// The lead's pages of Curriculum.
extension AdminURL {
    static var overview: AdminURL { AdminURL(["verwaltung"]) }
    static func edition(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", AdminResourceKind.edition.segment, id.component("id")]) }
    static func part(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", AdminResourceKind.part.segment, id.component("id")]) }
    static func new(_ kind: AdminResourceKind, parent: Param<UUID>?) -> AdminURL { AdminURL(collection(kind, parent) + ["neu"]) }
    static func create(_ kind: AdminResourceKind, parent: Param<UUID>?) -> AdminURL { AdminURL(collection(kind, parent)) }
    static func edit(_ kind: AdminResourceKind, _ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", kind.segment, id.component("id"), "bearbeiten"]) }
    static func delete(_ kind: AdminResourceKind, _ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", kind.segment, id.component("id"), "loeschen"]) }

    private static func collection(_ kind: AdminResourceKind, _ parent: Param<UUID>?) -> [String] {
        guard let parent, let parentKind = kind.parentKind else { return ["verwaltung", kind.segment] }
        return ["verwaltung", parentKind.segment, parent.component("id"), kind.segment]
    }
}

/// The kinds of things the lead edits in the admin area.
enum AdminResourceKind: String, Sendable, CaseIterable {
    case programme, edition, module, competenceArea, part, unit

    var segment: String {
        switch self {
        case .programme: "programme"
        case .edition: "durchlaeufe"
        case .module: "module"
        case .competenceArea: "kompetenzfelder"
        case .part: "teile"
        case .unit: "einheiten"
        }
    }

    var parentKind: AdminResourceKind? {
        switch self {
        case .programme: nil
        case .edition, .module, .competenceArea: .programme
        case .part: .edition
        case .unit: .part
        }
    }

    /// The German noun with its article, for headings and messages ("den Teil", "die Einheit").
    var singular: String {
        switch self {
        case .programme: "Fortbildungsprogramm"
        case .edition: "Durchlauf"
        case .module: "Modul"
        case .competenceArea: "Kompetenzfeld"
        case .part: "Teil"
        case .unit: "Einheit"
        }
    }

    var accusative: String {
        switch self {
        case .programme: "das Fortbildungsprogramm"
        case .edition: "den Durchlauf"
        case .module: "das Modul"
        case .competenceArea: "das Kompetenzfeld"
        case .part: "den Teil"
        case .unit: "die Einheit"
        }
    }
}
