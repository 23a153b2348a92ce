import Foundation

/// What every page needs besides its own address: the start page and the person's account page
/// (the header links them; features serve them), the health check and the assets.
extension SiteURL {
    static var home: SiteURL { SiteURL([]) }
    static var account: SiteURL { SiteURL(["konto"]) }
    static var healthz: SiteURL { SiteURL(["healthz"]) }
    static var stylesheet: SiteURL { SiteURL(["static", "cohesion-\(Assets.stylesheetVersion).css"]) }
    static var favicon: SiteURL { SiteURL(["static", "favicon.svg"]) }
    static var script: SiteURL { SiteURL(["static", "cohesion-\(Assets.scriptVersion).js"]) }
}
