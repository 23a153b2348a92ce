import CohesionPlatform
import Foundation

/// The addresses of Timetable.
extension SiteURL {
    static func part(_ id: Param<UUID>) -> SiteURL { SiteURL(["teile", id.component(.part)]) }
}
