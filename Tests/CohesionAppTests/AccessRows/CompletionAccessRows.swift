import CohesionCore
import CohesionPlatform
import Foundation
import Vapor

@testable import CohesionApp

extension CompletionFeature: AccessTableRows {
    static let accessRows: [Row] = [
        get(AdminURL.completion(.key), { AdminURL.completion(.value($0.fixture.editionID)).path }, lead),
        post(AdminURL.completion(.key), { AdminURL.completion(.value($0.fixture.editionID)).path }, lead),
        // A form without a participant names nobody: there is no such exception to grant.
        post(AdminURL.completionExceptions(.key), { AdminURL.completionExceptions(.value($0.fixture.editionID)).path }, lead, .status(.notFound)),
        post(
            AdminURL.removeCompletionException(.key), { AdminURL.removeCompletionException(.value($0.completionExceptionID)).path }, lead,
            .redirectElsewhere
        ).running(.deletes(0)),
    ]
}
