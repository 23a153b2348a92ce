import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

struct InvitationOverview: Sendable {
    struct Row: Sendable {
        let id: UUID
        let name: String
        let email: String
        let regionName: String?
        let state: Invitation.State
        let sentCount: Int
    }

    let editionID: UUID
    let editionTitle: String
    let rows: [Row]
}
