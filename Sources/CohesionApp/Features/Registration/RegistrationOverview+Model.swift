import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The lead's view of a part's registrations: seats, waitlist, and what catering and rooms need.
struct RegistrationOverview: Codable, Sendable {
    struct Row: Codable, Sendable {
        let registrationID: UUID
        let userID: UUID
        let name: String
        let status: RegistrationStatus
        let sequence: Int
        let overnight: Bool
        let diet: String
        let dietNote: String
        let accessibility: String
        let photoConsent: Bool
        /// Why the lead changed it after the part had begun; empty otherwise.
        let lateChangeReason: String

        var dietLabel: String {
            diet == Diet.other.rawValue ? dietNote : (Diet(rawValue: diet)?.label ?? diet)
        }
    }

    struct Member: Codable, Sendable {
        let id: UUID
        let name: String
    }

    let part: PartSummary
    let capacity: Int
    let registered: [Row]
    let waitlist: [Row]
    let cancelled: [Row]
    /// Members of the edition without an active registration, for registering on their behalf.
    let unregistered: [Member]

    var freeSeats: Int { max(0, capacity - registered.count) }
    var overnightCount: Int { registered.filter(\.overnight).count }
    var dietCounts: [(label: String, count: Int)] {
        Dictionary(grouping: registered, by: \.dietLabel).map { ($0.key, $0.value.count) }.sorted { $0.count > $1.count }
    }
}
