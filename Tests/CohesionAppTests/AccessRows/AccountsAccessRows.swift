import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension AccountsFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.setPassword(.key), { _ in SiteURL.setPassword(.value("unbekannt")).path }, everyone, .status(.gone)),
        post(SiteURL.setPassword(.key), { _ in SiteURL.setPassword(.value("unbekannt")).path }, everyone, .status(.gone)),
        Row(
            method: .GET, pattern: SiteURL.login.path, own: { _ in SiteURL.login.path }, allowed: everyone, answer: .status(.ok),
            signedInAnswer: .redirectElsewhere),
        get(SiteURL.forgotPassword, { _ in SiteURL.forgotPassword.path }, everyone),
        post(SiteURL.forgotPassword, { _ in SiteURL.forgotPassword.path }, everyone),
        post(SiteURL.login, { _ in SiteURL.login.path }, everyone),
        post(SiteURL.logout, { _ in SiteURL.logout.path }, everyone, .redirectElsewhere).running(.endsSession),
    ]
}
