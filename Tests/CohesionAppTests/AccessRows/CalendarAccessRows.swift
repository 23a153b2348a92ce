import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension CalendarFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(SiteURL.partCalendar(.key), { SiteURL.partCalendar(.value($0.fixture.partID)).path }, everyone),
        // Without the secret token nobody gets a private feed.
        get(SiteURL.personalCalendar(.key), { _ in SiteURL.personalCalendar(.value("geraten.ics")).path }, everyone, .status(.notFound)),
        post(SiteURL.renewCalendar, { _ in SiteURL.renewCalendar.path }, [.participant, .facilitator], .redirectElsewhere),
    ]
}
