import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension APITokensFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.account, { _ in SiteURL.account.path }, signedIn),
        post(SiteURL.apiTokens, { _ in SiteURL.apiTokens.path }, signedIn),
        post(
            SiteURL.revokeAPIToken(.key), { SiteURL.revokeAPIToken(.value($0.ownTokenID)).path }, participant, .redirectElsewhere,
            foreign: { SiteURL.revokeAPIToken(.value($0.otherTokenID)).path }, foreignAllowed: []
        ).running(.deletes(0)),
        {
            var row = post(SiteURL.logoutEverywhere, { _ in SiteURL.logoutEverywhere.path }, signedIn, .redirectElsewhere)
            row.ownSession = true
            return row
        }().running(.endsSession),
    ]
}
