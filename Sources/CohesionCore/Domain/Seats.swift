/// Where a registration for a part stands.
public enum RegistrationStatus: String, Sendable, Codable, CaseIterable {
    case registered, waitlisted, cancelled

    public var label: String {
        switch self {
        case .registered: "angemeldet"
        case .waitlisted: "auf der Warteliste"
        case .cancelled: "abgesagt"
        }
    }
}

/// The rules for a part's seats: first come, first served; beyond capacity a waitlist in order.
public enum Seats {
    /// A new (or renewed) registration gets a seat while seats are free, else a place on the waitlist.
    public static func statusForNewRegistration(capacity: Int, registered: Int) -> RegistrationStatus {
        registered < capacity ? .registered : .waitlisted
    }

    /// How many people on the waitlist move up when seats are free: after a cancellation, or
    /// when the lead raises the capacity.
    public static func promotions(capacity: Int, registered: Int, waiting: Int) -> Int {
        max(0, min(waiting, capacity - registered))
    }
}
