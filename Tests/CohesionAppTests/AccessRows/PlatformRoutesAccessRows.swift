import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension PlatformRoutes: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.healthz, { _ in SiteURL.healthz.path }, everyone),
        // Without METRICS_TOKEN only the loopback interface may read them; the tests' requests have no peer.
        get(SiteURL.metrics, { _ in SiteURL.metrics.path }, everyone, .status(.notFound)),
        get(FeatureCatalog.cohesion.stylesheetURL, { _ in FeatureCatalog.cohesion.stylesheetURL.path }, everyone),
        get(SiteURL.script, { _ in SiteURL.script.path }, everyone),
        get(SiteURL.favicon, { _ in SiteURL.favicon.path }, everyone),
    ]
}
