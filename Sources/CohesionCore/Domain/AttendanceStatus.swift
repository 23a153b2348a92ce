/// Whether a participant was at a unit.
public enum AttendanceStatus: String, CaseIterable, Sendable, Codable {
    case present, absent, excused

    public var label: String {
        switch self {
        case .present: "anwesend"
        case .absent: "abwesend"
        case .excused: "entschuldigt"
        }
    }
}
