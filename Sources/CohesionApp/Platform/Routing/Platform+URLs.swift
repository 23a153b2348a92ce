import Foundation

/// What every page needs besides its own address: the health check and the assets.
extension SiteURL {
    static var healthz: SiteURL { SiteURL(["healthz"]) }
    static var stylesheet: SiteURL { SiteURL(["static", "cohesion-\(Assets.stylesheetVersion).css"]) }
    static var favicon: SiteURL { SiteURL(["static", "favicon.svg"]) }
    static var script: SiteURL { SiteURL(["static", "cohesion-\(Assets.scriptVersion).js"]) }
}
