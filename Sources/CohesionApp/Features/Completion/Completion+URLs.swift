import CohesionPlatform
import Foundation

/// The lead's pages of Completion.
extension AdminURL {
    static func completion(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "abschluss"]) }
    static func completionExceptions(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "durchlaeufe", id.component("id"), "abschluss", "ausnahmen"])
    }
    static func removeCompletionException(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "abschluss-ausnahmen", id.component("id"), "loeschen"])
    }
}
