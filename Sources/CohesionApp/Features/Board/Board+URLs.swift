import CohesionPlatform
import Foundation
import Tagged

/// The addresses of an edition's board.
extension SiteURL {
    static func board(_ edition: Param<UUID>) -> SiteURL { SiteURL(["austausch", "durchlaeufe", edition.component(.edition), "forum"]) }
    static func boardReply(_ edition: Param<UUID>, _ post: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "durchlaeufe", edition.component(.edition), "forum", post.component(.post), "antworten"])
    }
    static func boardEdit(_ edition: Param<UUID>, _ post: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "durchlaeufe", edition.component(.edition), "forum", post.component(.post), "bearbeiten"])
    }
    static func boardDelete(_ edition: Param<UUID>, _ post: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "durchlaeufe", edition.component(.edition), "forum", post.component(.post), "loeschen"])
    }
    static func boardHide(_ edition: Param<UUID>, _ post: Param<UUID>) -> SiteURL {
        SiteURL(["austausch", "durchlaeufe", edition.component(.edition), "forum", post.component(.post), "ausblenden"])
    }
}

/// A post's id, a type of its own; routes name it `:post`.
typealias BoardPostID = Tagged<BoardPost, UUID>

extension RouteParameter<BoardPostID> {
    static var post: Self { .id("post") }
}

/// Everything between the parts, for a signed-in person.
extension SiteURL {
    static var exchange: SiteURL { SiteURL(["austausch"]) }
}
