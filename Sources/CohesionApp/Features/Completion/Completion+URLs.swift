import CohesionPlatform
import Foundation
import Tagged

/// The lead's pages of Completion.
extension AdminURL {
    static func completion(_ id: Param<UUID>) -> AdminURL { AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "abschluss"]) }
    static func completionExceptions(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "durchlaeufe", id.component(.edition), "abschluss", "ausnahmen"])
    }
    static func removeCompletionException(_ id: Param<UUID>) -> AdminURL {
        AdminURL(["verwaltung", "abschluss-ausnahmen", id.component(.exception), "loeschen"])
    }
}

/// An exception from the completion rule's id, a type of its own; routes name it `:exception`.
typealias CompletionExceptionID = Tagged<CompletionException, UUID>

extension RouteParameter<CompletionExceptionID> {
    static var exception: Self { .id("exception") }
}
