import Foundation

/// What every page needs besides its own address: the start page and the person's account page
/// (the header links them; features serve them), the health check and the assets.
extension SiteURL {
    package static var home: SiteURL { SiteURL([]) }
    package static var account: SiteURL { SiteURL(["konto"]) }
    package static var healthz: SiteURL { SiteURL(["healthz"]) }
    package static var favicon: SiteURL { SiteURL(["static", "favicon.svg"]) }
    package static var script: SiteURL { SiteURL(["static", "cohesion-\(Assets.scriptVersion).js"]) }
}
