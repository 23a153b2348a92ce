import Foundation

/// Where a part or a unit happens: in the room, in a video conference, or both at once.
public enum Delivery: String, CaseIterable, Sendable, Codable {
    case inPerson = "praesenz"
    case online
    case hybrid

    public var label: String {
        switch self {
        case .inPerson: "in Präsenz"
        case .online: "online"
        case .hybrid: "hybrid (vor Ort und online)"
        }
    }

    /// Whether people join through a video conference.
    public var hasVideo: Bool { self != .inPerson }

    /// An empty value (a form or a row from before there was a choice) means in person.
    public init?(stored: String) {
        if stored.isEmpty {
            self = .inPerson
        } else {
            self.init(rawValue: stored)
        }
    }
}

/// When the address of a video conference may be shown: from half an hour before the start to the
/// end, so that it does not travel around in advance and the room stays with those it was meant for.
public enum VideoWindow {
    public static let lead: TimeInterval = 30 * 60

    public static func isOpen(start: Date, end: Date, now: Date) -> Bool {
        now >= start.addingTimeInterval(-lead) && now <= end
    }

    /// A video conference's address as typed: empty, or an http(s) address of at most 500 characters.
    public static func check(_ typed: String, field: String, errors: inout FieldErrors) -> String {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return "" }
        guard trimmed.count <= 500, let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", url.host?.isEmpty == false, !trimmed.contains(where: \.isWhitespace)
        else {
            errors.add(field, "Bitte die vollständige Adresse des Videoraums angeben, beginnend mit https://.")
            return trimmed
        }
        return trimmed
    }
}
