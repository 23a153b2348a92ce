import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

/// A feature's rows of the access table, declared beside its tests in `AccessRows/`:
/// `extension TopicTeamsFeature: AccessTableRows { static let accessRows: [Row] = [...] }`.
/// The table test collects the rows of every feature in `Features.all`, so a new feature adds its
/// rows without editing a shared file; the helpers below read as in the table itself.
protocol AccessTableRows {
    static var accessRows: [AccessTableTests.Row] { get }
}

extension AccessTableRows {
    typealias Row = AccessTableTests.Row

    static var everyone: Set<Role?> { AccessTableTests.everyone }
    static var signedIn: Set<Role?> { AccessTableTests.signedIn }
    static var lead: Set<Role?> { AccessTableTests.lead }
    static var teachers: Set<Role?> { AccessTableTests.teachers }
    static var teachersAll: Set<Role?> { AccessTableTests.teachersAll }
    static var participant: Set<Role?> { AccessTableTests.participant }

    static func get(
        _ pattern: some SitePath, _ own: @escaping AccessTableTests.Path, _ allowed: Set<Role?>, _ answer: AccessTableTests.Answer = .status(.ok),
        foreign: AccessTableTests.Path? = nil, foreignAllowed: Set<Role?> = AccessTableTests.lead, foreignAnswer: AccessTableTests.Answer? = nil
    ) -> Row {
        AccessTableTests.get(pattern, own, allowed, answer, foreign: foreign, foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }

    static func post(
        _ pattern: some SitePath, _ own: @escaping AccessTableTests.Path, _ allowed: Set<Role?>,
        _ answer: AccessTableTests.Answer = .status(.unprocessableEntity),
        foreign: AccessTableTests.Path? = nil, foreignAllowed: Set<Role?> = AccessTableTests.lead, foreignAnswer: AccessTableTests.Answer? = nil
    ) -> Row {
        AccessTableTests.post(pattern, own, allowed, answer, foreign: foreign, foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }

    static func api(
        _ method: HTTPMethod, _ pattern: String, _ own: @escaping AccessTableTests.Path, _ allowed: Set<Role?>,
        _ answer: AccessTableTests.Answer = .status(.ok),
        foreign: AccessTableTests.Path? = nil, foreignAllowed: Set<Role?> = AccessTableTests.lead, foreignAnswer: AccessTableTests.Answer? = nil
    ) -> Row {
        AccessTableTests.api(method, pattern, own, allowed, answer, foreign: foreign, foreignAllowed: foreignAllowed, foreignAnswer: foreignAnswer)
    }
}
