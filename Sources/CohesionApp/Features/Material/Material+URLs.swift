import CohesionPlatform
import Foundation
import Tagged

/// The addresses of Material.
extension SiteURL {
    static func unitMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["einheiten", id.component(.unit), "material"]) }
    static func partMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component(.part), "material"]) }
    static func material(_ id: Param<UUID>) -> SiteURL { SiteURL(["material", id.component(.material)]) }
    static func deleteMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["material", id.component(.material), "loeschen"]) }
}

/// A material's id, a type of its own; routes name it `:material`.
typealias MaterialID = Tagged<Material, UUID>

extension RouteParameter<MaterialID> {
    static var material: Self { .id("material") }
}
