import Foundation

/// One participant's network as the analysis, the map and a snapshot see it: the actors and
/// the ties, with the participant's own office as the centre (a tie whose `from` is nil).
public struct EgoNetwork: Sendable, Codable, Equatable {
    public struct Actor: Sendable, Codable, Equatable, Identifiable {
        public let id: UUID
        public let name: String
        public let kind: ActorKind

        public init(id: UUID, name: String, kind: ActorKind) {
            self.id = id
            self.name = name
            self.kind = kind
        }
    }

    public struct Tie: Sendable, Codable, Equatable {
        /// Nil: the participant's own office.
        public let from: UUID?
        public let to: UUID
        public let kind: TieKind
        /// 1 (loose) to 3 (close).
        public let intensity: Int
        public let status: TieStatus

        public init(from: UUID?, to: UUID, kind: TieKind, intensity: Int, status: TieStatus) {
            self.from = from
            self.to = to
            self.kind = kind
            self.intensity = intensity
            self.status = status
        }
    }

    public var actors: [Actor]
    public var ties: [Tie]

    public init(actors: [Actor], ties: [Tie]) {
        self.actors = actors
        self.ties = ties
    }

    /// The strongest existing tie between the centre and each actor (1–3); absent when none exists.
    public var strengthFromCentre: [UUID: Int] {
        var strength: [UUID: Int] = [:]
        for tie in ties where tie.status == .exists {
            for end in centreEnd(tie) { strength[end] = max(strength[end] ?? 0, tie.intensity) }
        }
        return strength
    }

    /// Actors the officer wants a tie with, where none exists yet.
    public var wantedFromCentre: Set<UUID> {
        let existing = Set(strengthFromCentre.keys)
        return Set(ties.filter { $0.status == .wanted }.flatMap(centreEnd)).subtracting(existing)
    }

    private func centreEnd(_ tie: Tie) -> [UUID] { tie.from == nil ? [tie.to] : [] }
}
