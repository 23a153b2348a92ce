import CohesionPlatform
import Foundation

/// The lead's data-sheet template.
extension AdminURL {
    static var dataSheetTemplate: AdminURL { AdminURL(["verwaltung", "datenblatt"]) }
    static var dataSheetTemplateFile: AdminURL { AdminURL(["verwaltung", "datenblatt", "vorlage"]) }
    static var defaultDataSheetTemplate: AdminURL { AdminURL(["verwaltung", "datenblatt", "standard"]) }
}

/// The addresses of Municipalities.
extension SiteURL {
    static var regions: SiteURL { SiteURL(["kommunen"]) }
    static func region(_ key: Param<String>) -> SiteURL { SiteURL(["kommunen", key.component("key")]) }
    static func regionProfile(_ key: Param<String>) -> SiteURL { SiteURL(["kommunen", key.component("key"), "profil"]) }
    static func cohortMap(_ id: Param<UUID>) -> SiteURL { SiteURL(["auswertung", "durchlaeufe", id.component(.edition), "kommunen"]) }
    static func regionComparisonChoice(_ key: Param<String>) -> SiteURL { SiteURL(["kommunen", key.component("key"), "profil", "auswahl"]) }
    static func regionDataSheet(_ key: Param<String>) -> SiteURL { SiteURL(["kommunen", key.component("key"), "profil", "datenblatt.pdf"]) }
}
