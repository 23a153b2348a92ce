import CohesionCore
import CohesionPlatform
import Foundation
import SQLKit

/// The lead's view of a part's registrations: seats, waitlist, and what catering and rooms need.
struct RegistrationOverview: Sendable {
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

    /// What catering and rooms need, over everyone registered (not only the page shown).
    struct Counts: Codable, Sendable {
        let registered: Int
        let waitlisted: Int
        let overnight: Int
        let withoutPhotoConsent: Int
        /// Each diet with how many asked for it, most first.
        let diets: [DietCount]

        struct DietCount: Codable, Sendable {
            let label: String
            let count: Int
        }
    }

    let part: PartSummary
    let capacity: Int
    let counts: Counts
    /// The page and search shown.
    let list: ListPage
    /// The page of those registered that the search finds, by name.
    let registered: [Row]
    /// How many registered the search finds.
    let registeredFound: Int
    /// The first of the waitlist the search finds, in its order, each with their place in the whole waitlist.
    let waitlist: [(place: Int, row: Row)]
    let waitlistFound: Int
    /// The first of those who cancelled that the search finds, and whether there are more.
    let cancelled: [Row]
    let moreCancelled: Bool
    /// Members of the edition without an active registration that the search finds, for
    /// registering on their behalf (the first of them), and whether there are more.
    let unregistered: [Member]
    let moreUnregistered: Bool

    var freeSeats: Int { max(0, capacity - counts.registered) }
}
