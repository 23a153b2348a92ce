import CohesionPlatform
import Foundation

/// The addresses of Material.
extension SiteURL {
    static func unitMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["einheiten", id.component("unitID"), "material"]) }
    static func partMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component("partID"), "material"]) }
    static func material(_ id: Param<UUID>) -> SiteURL { SiteURL(["material", id.component("materialID")]) }
    static func deleteMaterial(_ id: Param<UUID>) -> SiteURL { SiteURL(["material", id.component("materialID"), "loeschen"]) }
}
