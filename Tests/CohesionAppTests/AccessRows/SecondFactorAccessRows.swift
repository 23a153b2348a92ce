import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension SecondFactorFeature: AccessTableRows {
    static let accessRows: [Row] = [
        // Without a password step before, the code step sends everyone back to the login form.
        get(SiteURL.loginCode, { _ in SiteURL.loginCode.path }, everyone, .toLogin),
        post(SiteURL.loginCode, { _ in SiteURL.loginCode.path }, everyone, .toLogin),
        get(SiteURL.secondFactor, { _ in SiteURL.secondFactor.path }, lead),
        post(SiteURL.secondFactor, { _ in SiteURL.secondFactor.path }, lead, .redirectElsewhere).running(.changes(1)),
        post(SiteURL.confirmSecondFactor, { _ in SiteURL.confirmSecondFactor.path }, lead).running(.changes(2)),
        post(SiteURL.disableSecondFactor, { _ in SiteURL.disableSecondFactor.path }, lead, .redirectElsewhere).running(.changes(3)),
        post(AdminURL.resetSecondFactor(.key), { AdminURL.resetSecondFactor(.value($0.colleagueID)).path }, [.admin], .redirectElsewhere).running(.changes(1)),
    ]
}
