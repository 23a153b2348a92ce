import CohesionCore
import CohesionPlatform
import Fluent
import Foundation
import SQLKit

/// "Mein Programm": the parts of a participant's editions and the units a facilitator gives.
struct MyProgramme: Codable, Sendable {
    struct OwnUnit: Codable, Sendable {
        let unitID: UUID
        let title: String
        let startsAt: Date
        let endsAt: Date
        let room: String
        let partID: UUID
        let partTitle: String
        let partNumber: Int
        let editionID: UUID
    }

    let parts: [PartSummary]
    let ownUnits: [OwnUnit]
    /// A participant's registration status per part.
    let registrationStatus: [UUID: RegistrationStatus]
}
