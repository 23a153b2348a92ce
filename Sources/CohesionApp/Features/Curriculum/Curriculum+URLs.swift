import CohesionPlatform
import Foundation
import Tagged

/// The lead's pages of Curriculum.
extension AdminURL {
    static var overview: AdminURL { AdminURL(["verwaltung"]) }
    static func edition(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", AdminResourceKind.edition.segment, id.component(.edition)]) }
    static func part(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", AdminResourceKind.part.segment, id.component(.part)]) }
    static func new(_ kind: AdminResourceKind, parent: Param<UUID>?) -> AdminURL { AdminURL(collection(kind, parent) + ["neu"]) }
    static func create(_ kind: AdminResourceKind, parent: Param<UUID>?) -> AdminURL { AdminURL(collection(kind, parent)) }
    static func edit(_ kind: AdminResourceKind, _ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", kind.segment, id.component(kind.idParameter), "bearbeiten"])
    }
    static func delete(_ kind: AdminResourceKind, _ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", kind.segment, id.component(kind.idParameter), "loeschen"])
    }

    private static func collection(_ kind: AdminResourceKind, _ parent: Param<UUID>?) -> [String] {
        guard let parent, let parentKind = kind.parentKind else { return ["verwaltung", kind.segment] }
        return ["verwaltung", parentKind.segment, parent.component(parentKind.idParameter), kind.segment]
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

    /// The path parameter of this kind's objects, named as the typed one (`.edition`, `.part` …) so
    /// that every route under one prefix agrees; untyped, because one controller edits every kind.
    var idParameter: RouteParameter<UUID> {
        let name =
            switch self {
            case .programme: RouteParameter.programme.name
            case .edition: RouteParameter.edition.name
            case .module: "module"
            case .competenceArea: "competenceArea"
            case .part: RouteParameter.part.name
            case .unit: RouteParameter.unit.name
            }
        return RouteParameter(name) { UUID(uuidString: $0) }
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

/// A programme's id, a type of its own; routes name it `:programme`.
typealias ProgrammeID = Tagged<Programme, UUID>

extension RouteParameter<ProgrammeID> {
    static var programme: Self { .id("programme") }
}

/// An edition (Durchlauf)'s id, a type of its own; routes name it `:edition`.
typealias EditionID = Tagged<Edition, UUID>

extension RouteParameter<EditionID> {
    static var edition: Self { .id("edition") }
}

/// A part's id, a type of its own; routes name it `:part`.
typealias PartID = Tagged<Part, UUID>

extension RouteParameter<PartID> {
    static var part: Self { .id("part") }
}

/// A unit's id, a type of its own; routes name it `:unit`.
typealias UnitID = Tagged<Unit, UUID>

extension RouteParameter<UnitID> {
    static var unit: Self { .id("unit") }
}
